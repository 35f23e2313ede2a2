package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.runInExecutor;
import static io.aio4j.Aio.sleep;
import static io.aio4j.Aio.toThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code Aio.toThread} and {@code Aio.runInExecutor}: blocking code on platform threads. These
 * tests use real threads, so they run on a real-time loop ({@code Aio.run}) and every wait on a
 * latch is bounded and asserted.
 */
class ToThreadTest {
    private static final TaskLocal<String> USER = TaskLocal.named("user");

    @Test
    void returnsTheResultOfTheBlockingCodeRunOnAPlatformThread() {
        String r = Aio.run(() -> toThread(() -> {
            Thread t = Thread.currentThread();
            return (t.isVirtual() ? "virtual " : "platform ") + t.getName().startsWith("aio4j-to-thread-");
        }));
        assertThat(r).isEqualTo("platform true");
    }

    @Test
    void runnableVariantWaitsForTheCodeToFinish() {
        AtomicReference<String> ran = new AtomicReference<>();
        Aio.run(() -> {
            toThread(() -> ran.set(Thread.currentThread().getName()));
            assertThat(ran.get()).startsWith("aio4j-to-thread-");
        });
    }

    @Test
    void uncheckedExceptionIsThrownAsItWas() {
        IllegalStateException boom = new IllegalStateException("boom");
        Aio.run(() -> {
            assertThatThrownBy(() -> toThread((Callable<Integer>) () -> {
                throw boom;
            })).isSameAs(boom);
        });
    }

    @Test
    void checkedExceptionIsWrappedOnceInACompletionException() {
        IOException io = new IOException("disk");
        Aio.run(() -> {
            assertThatThrownBy(() -> toThread((Callable<Integer>) () -> {
                throw io;
            })).isExactlyInstanceOf(CompletionException.class).hasCause(io);
        });
    }

    @Test
    void blockingCallOnThePoolDoesNotStallOtherTasks() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Aio.run(() -> {
            Task<Boolean> blocked = createTask(() -> toThread(() -> {
                events.add("thread blocks");
                boolean released = release.await(10, TimeUnit.SECONDS);
                events.add("thread released");
                return released;
            }));
            Task<Void> other = createTask(() -> {
                sleep(Duration.ofMillis(20)); // the loop keeps running timers meanwhile
                events.add("other task releases");
                release.countDown();
            });
            assertThat(await(blocked)).as("released by the other task, not by the timeout").isTrue();
            await(other);
        });
        assertThat(events).containsExactly("thread blocks", "other task releases", "thread released");
    }

    @Test
    void cancellingTheAwaitingTaskRaisesAtOnceWhileTheThreadFinishesItsWork() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        try {
            Aio.run(() -> {
                Task<String> waiting = createTask(() -> toThread(() -> {
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                        interrupted.set(Thread.currentThread().isInterrupted());
                        return "work done";
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    } finally {
                        finished.countDown();
                    }
                }));
                for (int i = 0; i < 10_000 && started.getCount() > 0; i++) {
                    sleep(Duration.ofMillis(1)); // at most about 10 s
                }
                assertThat(started.getCount()).as("the pool thread started the work").isZero();
                waiting.cancel();
                assertThatThrownBy(() -> await(waiting)).isInstanceOf(CancelledError.class);
                assertThat(waiting.cancelled()).isTrue();
                assertThat(finished.getCount()).as("the thread is still working").isEqualTo(1);
            });
        } finally {
            release.countDown();
        }
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted.get()).as("the thread is not interrupted").isFalse();
    }

    @Test
    void taskLocalValuesAreVisibleOnThePoolThreadAndItsSetsStayThere() {
        Aio.run(() -> {
            USER.set("alice");
            String seen = toThread(() -> {
                String v = USER.get();
                USER.set("changed on the pool thread");
                return v;
            });
            assertThat(seen).isEqualTo("alice");
            assertThat(USER.get()).isEqualTo("alice");
            assertThat(toThread(USER::get)).as("the pool thread keeps nothing from the last call").isEqualTo("alice");
            USER.remove();
            assertThat(toThread(USER::get)).isNull();
        });
    }

    @Test
    void runInExecutorUsesTheGivenExecutorAndReturnsAFutureOfTheLoop() {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-pool"));
        try {
            String r = Aio.run(() -> {
                Future<String> f = runInExecutor(pool, () -> Thread.currentThread().getName());
                assertThat(f.loop()).isSameAs(Aio.getRunningLoop());
                return await(f);
            });
            assertThat(r).isEqualTo("custom-pool");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runInExecutorWithNullUsesTheDefaultPool() {
        String r = Aio.run(() -> await(runInExecutor(null, () -> Thread.currentThread().getName())));
        assertThat(r).startsWith("aio4j-to-thread-");
    }

    @Test
    void worksOnALoopMadeWithEventLoopCreate() {
        EventLoop loop = EventLoop.create();
        try {
            Task<Integer> t = loop.createTask(() -> toThread(() -> 6 * 7));
            assertThat(loop.runUntilComplete(t)).isEqualTo(42);
        } finally {
            loop.close();
        }
    }
}
