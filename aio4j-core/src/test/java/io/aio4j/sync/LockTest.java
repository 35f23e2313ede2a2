package io.aio4j.sync;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.currentTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Future;
import io.aio4j.LoopOptions;
import io.aio4j.LoopTest;
import io.aio4j.Task;
import io.aio4j.internal.task.VirtualTimeLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Lock}: ASYNCIO-SEMANTICS §3.7 spec 44, translated from CPython's
 * {@code test_locks.py::LockTests}, plus the hand-over, {@code withLock}, statistics and misuse.
 * {@code sleep(ZERO)} plays asyncio's {@code await asyncio.sleep(0)}: every ready task runs one
 * step.
 */
// A lost wake-up leaves a task waiting forever, and an idle virtual-time loop with no timer waits
// forever too: fail instead of hanging the build.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockTest extends LoopTest {

    private static void yieldOnce() {
        sleep(Duration.ZERO);
    }

    // ASYNCIO-SEMANTICS §3.7 spec 44 (test_acquire)
    @Test
    void waitersAcquireInTheOrderTheyAsked() {
        run(() -> {
            Lock lock = Lock.create();
            lock.acquire();
            Task<Void> t1 = createTask(() -> {
                lock.acquire();
                record(1);
            });
            Task<Void> t2 = createTask(() -> {
                lock.acquire();
                record(2);
            });
            yieldOnce();
            assertThat(events).isEmpty();

            lock.release();
            yieldOnce();
            assertThat(events).containsExactly(1);
            yieldOnce();
            assertThat(events).as("t1 holds the lock").containsExactly(1);

            Task<Void> t3 = createTask(() -> {
                lock.acquire();
                record(3);
            });
            lock.release();
            yieldOnce();
            assertThat(events).containsExactly(1, 2);
            lock.release();
            yieldOnce();
            assertThat(events).containsExactly(1, 2, 3);
            assertThat(t1.done() && t2.done() && t3.done()).isTrue();
            assertThat(lock.locked()).as("t3 still holds it").isTrue();
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 44 (test_cancel_race)
    @Test
    void waiterCancelledAsTheLockIsReleasedIsSkippedForTheNextOne() {
        run(() -> {
            Lock lock = Lock.create();
            Future<Void> fa = loop.createFuture();
            Task<Void> ta = createTask(() -> lock.withLock(() -> {
                record("A");
                await(fa);
            }));
            yieldOnce();
            assertThat(lock.locked()).isTrue();
            Task<Void> tb = createTask(() -> lock.withLock(() -> record("B")));
            yieldOnce();
            Task<Void> tc = createTask(() -> lock.withLock(() -> record("C")));
            yieldOnce();
            assertThat(lock.statistics().tasksWaiting()).isEqualTo(2);

            fa.setResult(null); // A will release on its next step...
            tb.cancel();        // ...when B's wait is cancelled but B has not left the queue yet
            yieldOnce();
            assertThat(ta.done()).isTrue();
            assertThat(tb.cancelled()).isTrue();
            // asyncio's lock reads unlocked here; ours was handed straight to C.
            assertThat(lock.statistics()).isEqualTo(new LockStatistics(true, tc, 0));
            yieldOnce();
            assertThat(tc.done()).isTrue();
            assertThat(events).containsExactly("A", "C");
            assertThat(lock.locked()).isFalse();
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 44 (test_cancel_release_race): cancel the first waiter, then
    // release, in one callback.
    @Test
    void releaseRightAfterTheFirstWaiterWasCancelledWakesOnlyTheSecond() {
        run(() -> {
            Lock lock = Lock.create();
            int[] acquired = {0};
            lock.acquire();
            AsyncRunnableTask lockit = () -> createTask(() -> {
                lock.acquire();
                acquired[0]++;
            });
            Task<Void> t1 = lockit.start();
            Task<Void> t2 = lockit.start();
            Task<Void> t3 = lockit.start();
            yieldOnce();

            loop.callSoon(() -> {
                t1.cancel();
                lock.release();
            });
            assertThat(catchThrowable(() -> await(t1))).isInstanceOf(CancelledError.class);
            yieldOnce();

            assertThat(acquired[0]).as("a release never wakes two").isEqualTo(1);
            assertThat(t1.cancelled()).isTrue();
            assertThat(t2.done()).isTrue();
            assertThat(lock.statistics()).isEqualTo(new LockStatistics(true, t2, 1));
            t3.cancel();
            yieldOnce();
            assertThat(t3.cancelled()).isTrue();
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 44, the other order: the release reaches the first waiter, which
    // is cancelled before it resumes; it passes the lock on.
    @Test
    void waiterCancelledAfterTheReleaseReachedItPassesTheLockOn() {
        run(() -> {
            Lock lock = Lock.create();
            int[] acquired = {0};
            lock.acquire();
            AsyncRunnableTask lockit = () -> createTask(() -> {
                lock.acquire();
                acquired[0]++;
            });
            Task<Void> t1 = lockit.start();
            Task<Void> t2 = lockit.start();
            Task<Void> t3 = lockit.start();
            yieldOnce();

            lock.release();
            assertThat(lock.statistics().owner()).as("handed to t1").isSameAs(t1);
            t1.cancel();
            yieldOnce();
            yieldOnce();

            assertThat(t1.cancelled()).isTrue();
            assertThat(acquired[0]).isEqualTo(1);
            assertThat(t2.done()).isTrue();
            assertThat(lock.statistics()).isEqualTo(new LockStatistics(true, t2, 1));
            t3.cancel();
            yieldOnce();
            lock.release();
            assertThat(lock.locked()).isFalse();
        });
    }

    /** Starts one more contender. */
    @FunctionalInterface
    private interface AsyncRunnableTask {
        Task<Void> start();
    }

    @Test
    void aTaskThatReleasesAndReacquiresGoesToTheBackOfTheLine() {
        run(() -> {
            Lock lock = Lock.create();
            AsyncRunnableTaskNamed worker = name -> createTask(() -> {
                for (int round = 1; round <= 2; round++) {
                    int r = round;
                    lock.withLock(() -> {
                        record(name + r);
                        yieldOnce();
                    });
                }
            });
            Task<Void> a = worker.start("a");
            Task<Void> b = worker.start("b");
            await(a);
            await(b);
            assertThat(events).containsExactly("a1", "b1", "a2", "b2");
        });
    }

    @FunctionalInterface
    private interface AsyncRunnableTaskNamed {
        Task<Void> start(String name);
    }

    @Test
    void tryAcquireDoesNotTakeALockHandedToAWaiter() {
        run(() -> {
            Lock lock = Lock.create();
            assertThat(lock.tryAcquire()).isTrue();
            assertThat(lock.tryAcquire()).isFalse();
            Task<Void> waiter = createTask(() -> lock.acquire());
            yieldOnce();
            lock.release();
            assertThat(lock.tryAcquire()).as("the lock is the waiter's now").isFalse();
            await(waiter);
            assertThat(lock.statistics().owner()).isSameAs(waiter);
            lock.release();
            assertThat(lock.tryAcquire()).isTrue();
            assertThat(lock.statistics().owner()).isSameAs(currentTask());
        });
    }

    @Test
    void releasingAnUnlockedLockThrows() {
        run(() -> {
            Lock lock = Lock.create();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Lock is not acquired: <Lock unlocked>");
        });
    }

    @Test
    void withLockReturnsTheBodysValueAndReleases() throws Exception {
        run(() -> {
            Lock lock = Lock.create();
            assertThat(lock.withLock(() -> {
                assertThat(lock.locked()).isTrue();
                sleep(Duration.ofSeconds(1));
                return 42;
            })).isEqualTo(42);
            assertThat(lock.locked()).isFalse();
        });
    }

    @Test
    void withLockReleasesWhenTheBodyThrows() {
        run(() -> {
            Lock lock = Lock.create();
            Exception failure = new java.io.IOException("boom");
            assertThat(catchThrowable(() -> lock.withLock(() -> {
                throw failure;
            }))).isSameAs(failure);
            assertThat(lock.locked()).isFalse();
        });
    }

    @Test
    void withLockReleasesWhenTheTaskIsCancelledInsideTheBody() {
        run(() -> {
            Lock lock = Lock.create();
            Task<Void> holder = createTask(() -> lock.withLock(() -> sleep(Duration.ofDays(1))));
            Task<Void> next = createTask(() -> lock.withLock(() -> record("next ran")));
            yieldOnce();
            holder.cancel();
            await(next);
            assertThat(holder.cancelled()).isTrue();
            assertThat(events).containsExactly("next ran");
            assertThat(lock.locked()).isFalse();
        });
    }

    @Test
    void aTaskCancelledWhileWaitingNeverRunsTheBody() {
        run(() -> {
            Lock lock = Lock.create();
            lock.acquire();
            Task<Void> waiter = createTask(() -> lock.withLock(() -> record("body")));
            yieldOnce();
            waiter.cancel();
            yieldOnce();
            assertThat(waiter.cancelled()).isTrue();
            assertThat(lock.statistics()).isEqualTo(new LockStatistics(true, currentTask(), 0));
            lock.release();
            assertThat(lock.locked()).isFalse();
            assertThat(events).isEmpty();
        });
    }

    @Test
    void statisticsAndToStringShowTheState() {
        run(() -> {
            Lock lock = Lock.create();
            assertThat(lock).hasToString("<Lock unlocked>");
            assertThat(lock.statistics()).isEqualTo(new LockStatistics(false, null, 0));
            lock.acquire();
            Task<Void> w1 = createTask(() -> lock.acquire());
            Task<Void> w2 = createTask(() -> lock.acquire());
            yieldOnce();
            assertThat(lock).hasToString("<Lock locked waiters=2>");
            assertThat(lock.statistics()).isEqualTo(new LockStatistics(true, currentTask(), 2));
            w2.cancel();
            assertThat(lock).as("a cancelled waiter no longer counts").hasToString("<Lock locked waiters=1>");
            w1.cancel();
            yieldOnce();
            assertThat(lock).hasToString("<Lock locked>");
        });
    }

    @Test
    void acquireOutsideATaskSaysWhereToCallIt() {
        Lock lock = Lock.create();
        assertThatThrownBy(lock::acquire).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lock.acquire() suspends the calling task, but it was not called from a task");
    }

    @Test
    void aLockUsedFromASecondLoopThrowsNamingBothLoops() {
        Lock lock = Lock.create();
        run(() -> lock.withLock(() -> {}));
        VirtualTimeLoop other = new VirtualTimeLoop(LoopOptions.defaults().withName("other-loop"), true);
        try {
            Throwable thrown = other.runTask(() -> catchThrowable(lock::acquire));
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'LockTest'").hasMessageContaining("'other-loop'");
            thrown = other.runTask(() -> catchThrowable(lock::tryAcquire));
            assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("'other-loop'");
        } finally {
            other.close();
        }
    }

    @Test
    void anotherThreadCannotUseTheLockWhileItsLoopRuns() {
        Lock lock = Lock.create();
        Throwable thrown = run(() -> {
            lock.acquire();
            CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> catchThrowable(lock::release));
            return await(Aio.wrapFuture(other));
        });
        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to event loop 'LockTest', which is running")
                .hasMessageContaining("callSoonThreadsafe");
        assertThat(lock.locked()).isTrue();
        lock.release(); // no loop runs it now: a plain thread may
        assertThat(lock.locked()).isFalse();
    }
}
