package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Misuse gets a clear error that says whose fault it is and what to do instead: suspending outside
 * a task, touching a loop-owned object from another thread, running a second loop in one thread,
 * and using a closed loop.
 */
class MisuseTest extends LoopTest {

    // ------------------------------------------------------------------ suspending outside a task

    // Spec (Aio): suspending calls need a task of a running loop; from a plain thread the error
    // says to start one.
    @Test
    void awaitingOrSleepingOutsideATaskSaysToStartACoroutine() {
        Future<String> f = loop.createFuture();
        assertThatThrownBy(() -> await(f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Aio.await()")
                .hasMessageContaining("is not a task of a running event loop")
                .hasMessageContaining("Aio.run(...)");
        assertThatThrownBy(() -> Aio.sleep(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Aio.sleep()")
                .hasMessageContaining("is not a task of a running event loop");
    }

    // Spec (asyncio: callbacks are not coroutines): a callback runs on the loop thread but cannot
    // suspend; the error says so and says to start a task.
    @Test
    void awaitingInACallbackSaysCallbacksCannotSuspend() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        run(() -> {
            Future<Void> ran = loop.createFuture();
            loop.callSoon(() -> {
                try {
                    await(ran);
                } catch (Throwable e) {
                    thrown.set(e);
                }
                ran.setResult(null);
            });
            await(ran);
        });
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("called from a callback of event loop '" + loop.name() + "'")
                .hasMessageContaining("createTask(...)");
    }

    // Spec (Aio.createTask, getRunningLoop): no running loop, no task; the error says how to get one.
    @Test
    void creatingATaskWithNoRunningLoopSaysToStartOne() {
        assertThatThrownBy(() -> createTask(() -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop")
                .hasMessageContaining("Aio.run(...)");
        assertThatThrownBy(Aio::getRunningLoop).isInstanceOf(IllegalStateException.class);
    }

    // Spec (Aio.run, asyncio.run): it cannot nest; inside a task the error says to await a task.
    @Test
    void aioRunInsideATaskSaysToAwaitATaskInstead() {
        Throwable thrown = run(() -> {
            try {
                Aio.run(() -> 1);
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertThat(thrown).hasMessageContaining("cannot be called from a running event loop")
                .hasMessageContaining("createTask(...)");
    }

    // Spec (Aio.await): a task cannot await itself, nor a future of another loop.
    @Test
    void aTaskAwaitingItselfOrAnotherLoopsFutureIsRefused() {
        try (EventLoop other = EventLoop.create(LoopOptions.defaults().withName("other"))) {
            Future<Object> foreign = other.createFuture();
            List<Throwable> thrown = run(() -> {
                List<Throwable> out = new ArrayList<>();
                try {
                    await(Aio.currentTask());
                } catch (IllegalStateException e) {
                    out.add(e);
                }
                try {
                    await(foreign);
                } catch (IllegalArgumentException e) {
                    out.add(e);
                }
                return out;
            });
            assertThat(thrown).hasSize(2);
            assertThat(thrown.get(0)).hasMessageContaining("cannot await on itself");
            assertThat(thrown.get(1)).hasMessageContaining("belongs to event loop 'other'");
        }
    }

    // ------------------------------------------------------------------ other threads

    // Spec (EventLoop "Threads", Future "Threads"): while the loop runs, any thread that is neither
    // its thread nor one of its tasks gets an error naming callSoonThreadsafe for every
    // loop-owned operation; the thread-safe ones work from there.
    @Test
    void touchingLoopOwnedObjectsFromAnotherThreadSaysToUseCallSoonThreadsafe() throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        String result = run(() -> {
            Future<String> handedOver = loop.createFuture();
            Task<Void> sleeper = createTask(() -> Aio.sleep(Duration.ofDays(1)));
            Thread other = Thread.ofPlatform().name("not-the-loop").start(() -> {
                List<ThrowingCallable> misuses = List.of(
                        () -> loop.callSoon(() -> {}),
                        () -> loop.callLater(Duration.ofSeconds(1), () -> {}),
                        () -> loop.createTask(() -> 1),
                        () -> handedOver.setResult("too early"),
                        () -> handedOver.addDoneCallback(f -> {}),
                        () -> sleeper.cancel());
                for (ThrowingCallable misuse : misuses) {
                    try {
                        misuse.call();
                        thrown.add(null);
                    } catch (Throwable e) {
                        thrown.add(e);
                    }
                }
                // What other threads may do: read the clock and the state, and hand work over.
                if (loop.isRunning() && !loop.isClosed() && loop.time() >= 0) {
                    loop.callSoonThreadsafe(() -> handedOver.setResult("handed over"));
                }
            });
            try {
                return await(handedOver);
            } finally {
                other.join(10_000);
                sleeper.cancel();
            }
        });
        assertThat(result).isEqualTo("handed over");
        assertThat(thrown).hasSize(6).allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from Thread[")
                .hasMessageContaining("neither the loop's thread nor one of its tasks")
                .hasMessageContaining("callSoonThreadsafe(...)"));
    }

    // ------------------------------------------------------------------ a second loop

    // Spec (EventLoop.runForever, asyncio's "Cannot run the event loop while another loop is
    // running"): a callback is on its loop's thread, so running another loop there is refused.
    @Test
    void runningASecondLoopInACallbackOfTheFirstIsRefused() {
        try (EventLoop second = EventLoop.create(LoopOptions.defaults().withName("second"))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            second.callSoon(second::stop); // were it wrongly allowed, it would run once and return
            run(() -> {
                Future<Void> ran = loop.createFuture();
                loop.callSoon(() -> {
                    try {
                        second.runForever();
                    } catch (Throwable e) {
                        thrown.set(e);
                    }
                    ran.setResult(null);
                });
                await(ran);
            });
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot run event loop 'second'")
                    .hasMessageContaining("another loop ('" + loop.name() + "') is running in this thread");
        }
    }

    // Same rule for a task: a task runs inside its loop (on its thread in LOOP_SCHEDULER mode,
    // holding its baton in BATON mode), so running another loop there is refused as well.
    @Test
    void runningASecondLoopInATaskIsRefused() {
        try (EventLoop second = EventLoop.create(LoopOptions.defaults().withName("second"))) {
            second.callSoon(second::stop); // were it wrongly allowed, it would run once and return
            Throwable thrown = run(() -> {
                try {
                    second.runForever();
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            });
            assertThat(thrown).isNotNull()
                    .hasMessageContaining("Cannot run event loop 'second'")
                    .hasMessageContaining("another loop ('" + loop.name() + "') is running in this thread");
        }
    }

    // Spec (EventLoop lifecycle table): RUNNING rejects runForever and close.
    @Test
    void aRunningLoopCannotBeRunAgainNorClosed() {
        List<Throwable> thrown = run(() -> {
            List<Throwable> out = new ArrayList<>();
            for (ThrowingCallable misuse : List.<ThrowingCallable>of(loop::runForever, loop::close)) {
                try {
                    misuse.call();
                } catch (Throwable e) {
                    out.add(e);
                }
            }
            return out;
        });
        assertThat(thrown).hasSize(2);
        assertThat(thrown.get(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("is already running");
        assertThat(thrown.get(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("while it is running");
        assertThat(loop.isClosed()).isFalse();
    }

    // ------------------------------------------------------------------ a closed loop

    // Spec (EventLoop lifecycle table, LoopClosedException): a closed loop never runs again;
    // scheduling, creating and running on it throw LoopClosedException naming the loop; close and
    // stop do nothing.
    @Test
    void everythingOnAClosedLoopThrowsLoopClosedExceptionNamingIt() {
        Future<Object> made = loop.createFuture();
        loop.close();
        List<ThrowingCallable> misuses = List.of(
                () -> loop.callSoon(() -> {}),
                () -> loop.callLater(Duration.ofSeconds(1), () -> {}),
                () -> loop.callAt(loop.time(), () -> {}),
                () -> loop.callSoonThreadsafe(() -> {}),
                () -> loop.createFuture(),
                () -> loop.createTask(() -> 1),
                () -> loop.runForever(),
                () -> loop.runUntilComplete(made));
        for (ThrowingCallable misuse : misuses) {
            assertThatThrownBy(misuse).isInstanceOf(LoopClosedException.class)
                    .hasMessage("Event loop '" + loop.name() + "' is closed");
        }
        loop.close();
        loop.stop();
        assertThat(loop.isClosed()).isTrue();
        assertThat(loop.isRunning()).isFalse();
    }
}
