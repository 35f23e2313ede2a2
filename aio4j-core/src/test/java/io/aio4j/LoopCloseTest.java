package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.internal.task.VirtualTimeLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Closing a loop: what it refuses, what it reports, and how it lets go of tasks left pending (as
 * Python closes a destroyed coroutine: their {@code finally} blocks run and their threads end).
 */
class LoopCloseTest {

    @Test
    void aTaskLeftPendingIsReportedThenUnwoundSoItsFinallyRunsAndItsThreadEnds() throws Exception {
        VirtualTimeLoop loop = new VirtualTimeLoop(LoopOptions.defaults(), true);
        var reports = new java.util.concurrent.CopyOnWriteArrayList<ExceptionContext>();
        loop.setExceptionHandler((l, c) -> reports.add(c));
        CountDownLatch unwound = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Future<Void> never = loop.createFuture();
        Task<Void> task = loop.createTask(() -> {
            thread.set(Thread.currentThread());
            try {
                Aio.await(never);
            } catch (Throwable t) {
                seen.set(t);
                throw t;
            } finally {
                unwound.countDown();
            }
        });
        loop.runUntilIdle();
        loop.close();

        assertThat(reports).extracting(ExceptionContext::message).containsExactly("Task was destroyed but it is pending!");
        assertThat(reports.get(0).task()).isSameAs(task);
        assertThat(unwound.await(10, TimeUnit.SECONDS)).as("the task's finally block ran").isTrue();
        thread.get().join(10_000);
        assertThat(thread.get().isAlive()).as("the task's virtual thread ended").isFalse();
        assertThat(seen.get()).isInstanceOf(CancelledError.class).hasMessageContaining("was closed");
        assertThat(task.cancelled()).isTrue();
    }

    @Test
    void closingARunningLoopIsRefusedAndClosingTwiceDoesNothing() {
        VirtualTimeLoop loop = new VirtualTimeLoop(LoopOptions.defaults(), true);
        AtomicReference<Throwable> error = new AtomicReference<>();
        loop.callSoon(() -> {
            try {
                loop.close();
            } catch (Throwable t) {
                error.set(t);
            }
        });
        loop.runUntilIdle();
        assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("while it is running");
        loop.close();
        loop.close();
        assertThat(loop.isClosed()).isTrue();
        assertThatThrownBy(() -> loop.callSoon(() -> {})).isInstanceOf(LoopClosedException.class);
    }

    @Test
    void inDebugModeAReportSaysWhereTheTaskWasCreated() {
        VirtualTimeLoop loop = new VirtualTimeLoop(LoopOptions.defaults().withDebug(true), true);
        var reports = new java.util.concurrent.CopyOnWriteArrayList<ExceptionContext>();
        loop.setExceptionHandler((l, c) -> reports.add(c));
        loop.createTask(() -> {
            throw new IllegalStateException("nobody looks at me");
        });
        loop.runUntilIdle();
        loop.close();

        assertThat(reports).extracting(ExceptionContext::message).containsExactly("Task exception was never retrieved");
        assertThat(reports.get(0).exception()).hasMessage("nobody looks at me");
        assertThat(reports.get(0).sourceTraceback()).as("where the task was created")
                .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("inDebugModeAReportSaysWhereTheTaskWasCreated"));
    }
}
