package io.aio4j.sync;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.currentTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aio4j.CancelledError;
import io.aio4j.LoopOptions;
import io.aio4j.LoopTest;
import io.aio4j.Task;
import io.aio4j.internal.task.VirtualTimeLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Condition}: ASYNCIO-SEMANTICS §3.7 spec 48, translated from CPython's
 * {@code test_locks.py::ConditionTests}, plus signals passed on by cancelled waiters, statistics
 * and misuse.
 */
// A lost wake-up leaves a task waiting forever, and an idle virtual-time loop with no timer waits
// forever too: fail instead of hanging the build.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConditionTest extends LoopTest {

    private static void yieldOnce() {
        sleep(Duration.ZERO);
    }

    // CPython test_wait: signalled waiters re-acquire the lock one by one, in order.
    @Test
    void signalledWaitersReacquireTheLockInTurn() {
        run(() -> {
            Condition cond = Condition.create();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                createTask(() -> {
                    cond.acquire();
                    cond.await();
                    record(n); // keeps the lock: the test releases it for the task
                });
            }
            yieldOnce();
            assertThat(events).isEmpty();
            assertThat(cond.locked()).isFalse();

            cond.acquire();
            cond.signal();
            yieldOnce();
            assertThat(events).as("signalled, waiting for the lock").isEmpty();
            assertThat(cond.locked()).isTrue();
            cond.release();
            yieldOnce();
            assertThat(events).containsExactly(1);
            assertThat(cond.locked()).isTrue();

            cond.signal(2);
            yieldOnce();
            assertThat(events).containsExactly(1);
            cond.release();
            yieldOnce();
            assertThat(events).containsExactly(1, 2);
            cond.release();
            yieldOnce();
            assertThat(events).containsExactly(1, 2, 3);
            assertThat(cond.locked()).isTrue();
        });
    }

    @Test
    void signalAllWakesEveryWaiter() {
        run(() -> {
            Condition cond = Condition.create();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                createTask(() -> cond.withLock(() -> {
                    cond.await();
                    record(n);
                }));
            }
            yieldOnce();
            assertThat(cond.statistics().tasksWaiting()).isEqualTo(3);
            cond.withLock(() -> cond.signalAll());
            yieldOnce();
            yieldOnce();
            assertThat(events).containsExactly(1, 2, 3);
            assertThat(cond.locked()).isFalse();
        });
    }

    // CPython test_wait_for
    @Test
    void awaitForReturnsOnlyOnceThePredicateHolds() {
        run(() -> {
            Condition cond = Condition.create();
            boolean[] ready = {false};
            Task<Void> t = createTask(() -> cond.withLock(() -> {
                cond.awaitFor(() -> ready[0]);
                record("ready");
            }));
            yieldOnce();
            cond.withLock(() -> cond.signal());
            yieldOnce();
            assertThat(events).as("woken, predicate false: waits again").isEmpty();
            assertThat(cond.statistics().tasksWaiting()).isEqualTo(1);

            ready[0] = true;
            cond.withLock(() -> cond.signal());
            await(t);
            assertThat(events).containsExactly("ready");
        });
    }

    @Test
    void awaitForATruePredicateDoesNotWait() {
        run(() -> {
            Condition cond = Condition.create();
            cond.awaitFor(() -> true); // asyncio checks the predicate before it looks at the lock
            assertThat(cond.locked()).isFalse();
        });
    }

    // CPython test_wait_cancel
    @Test
    void aWaiterCancelledBeforeAnySignalReacquiresTheLockBeforeItRaises() {
        run(() -> {
            Condition cond = Condition.create();
            Task<Void> waiter = createTask(() -> cond.withLock(() -> {
                try {
                    cond.await();
                } finally {
                    record("locked when leaving await: " + cond.locked());
                }
            }));
            yieldOnce();
            waiter.cancel();
            assertThat(catchThrowable(() -> await(waiter))).isInstanceOf(CancelledError.class);
            assertThat(events).containsExactly("locked when leaving await: true");
            assertThat(cond.statistics()).isEqualTo(new ConditionStatistics(0, new LockStatistics(false, null, 0)));
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 48 (test_wait_cancel_after_notify)
    @Test
    void aWaiterCancelledAfterTheSignalButBeforeItHasTheLockEndsCancelledAndTheLockStaysConsistent() {
        run(() -> {
            Condition cond = Condition.create();
            boolean[] waited = {false};
            Task<Void> waiter = createTask(() -> cond.withLock(() -> {
                waited[0] = true;
                cond.await();
            }));
            yieldOnce(); // the waiter waits

            cond.acquire();
            cond.signal();
            yieldOnce(); // the waiter, signalled, waits for the lock
            assertThat(cond.lock().statistics().tasksWaiting()).isEqualTo(1);
            waiter.cancel();
            yieldOnce(); // the cancellation is delivered: it waits for the lock again
            assertThat(waiter.done()).as("it must hold the lock before it may raise").isFalse();
            cond.release();
            yieldOnce(); // it takes the lock, raises, and withLock releases it

            assertThat(waiter.cancelled()).isTrue();
            assertThat(waited[0]).isTrue();
            assertThat(cond.locked()).isFalse();
            assertThat(cond.statistics()).isEqualTo(new ConditionStatistics(0, new LockStatistics(false, null, 0)));
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 48, with a second waiter: the cancelled one does not act on its
    // signal, so it passes the signal on (asyncio 3.13).
    @Test
    void aWaiterCancelledWhileReacquiringPassesItsSignalOn() {
        run(() -> {
            Condition cond = Condition.create();
            Task<Void> first = createTask(() -> cond.withLock(cond::await));
            Task<Void> second = createTask(() -> cond.withLock(() -> {
                cond.await();
                record("second woke");
            }));
            yieldOnce();
            cond.acquire();
            cond.signal();
            yieldOnce(); // first waits for the lock
            first.cancel();
            yieldOnce(); // first passes its signal to second
            assertThat(cond.statistics().tasksWaiting()).isZero();
            cond.release();
            await(second);
            assertThat(first.cancelled()).isTrue();
            assertThat(events).containsExactly("second woke");
            assertThat(cond.locked()).isFalse();
        });
    }

    // Cancelled after the signal reached it but before it resumed at all: the signal goes on to
    // the next waiter, so a signal(1) still wakes one task that will act on it.
    @Test
    void aWaiterCancelledBeforeItResumesFromTheSignalPassesItOn() {
        run(() -> {
            Condition cond = Condition.create();
            Task<Void> first = createTask(() -> cond.withLock(cond::await));
            Task<Void> second = createTask(() -> cond.withLock(() -> {
                cond.await();
                record("second woke");
            }));
            Task<Void> third = createTask(() -> cond.withLock(() -> {
                cond.await();
                record("third woke");
            }));
            yieldOnce();
            cond.withLock(() -> {
                cond.signal();
                first.cancel();
            });
            await(second);
            yieldOnce();
            assertThat(first.cancelled()).isTrue();
            assertThat(events).containsExactly("second woke");
            assertThat(cond.statistics().tasksWaiting()).as("third still waits").isEqualTo(1);
            third.cancel();
        });
    }

    @Test
    void waitingOrSignallingWithoutTheLockIsRefused() {
        run(() -> {
            Condition cond = Condition.create();
            assertThatThrownBy(cond::await).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot wait on un-acquired lock: <Condition unlocked>");
            assertThatThrownBy(cond::signal).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot notify on un-acquired lock: <Condition unlocked>");
            assertThatThrownBy(cond::signalAll).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> cond.awaitFor(() -> false)).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void conditionsMayShareALock() {
        run(() -> {
            Lock lock = Lock.create();
            Condition notEmpty = Condition.create(lock);
            Condition notFull = Condition.create(lock);
            assertThat(notEmpty.lock()).isSameAs(lock);
            ArrayDeque<Integer> buffer = new ArrayDeque<>();
            Task<Void> consumer = createTask(() -> {
                for (int i = 0; i < 4; i++) {
                    lock.withLock(() -> {
                        notEmpty.awaitFor(() -> !buffer.isEmpty());
                        record(buffer.removeFirst());
                        notFull.signal();
                    });
                }
            });
            for (int i = 1; i <= 4; i++) {
                int item = i;
                lock.withLock(() -> {
                    notFull.awaitFor(() -> buffer.size() < 1);
                    buffer.add(item);
                    notEmpty.signal();
                });
            }
            await(consumer);
            assertThat(events).containsExactly(1, 2, 3, 4);
        });
    }

    @Test
    void statisticsAndToStringShowTheState() {
        run(() -> {
            Condition cond = Condition.create();
            assertThat(cond).hasToString("<Condition unlocked>");
            createTask(() -> cond.withLock(cond::await));
            createTask(() -> cond.withLock(cond::await));
            yieldOnce();
            assertThat(cond).hasToString("<Condition unlocked waiters=2>");
            cond.acquire();
            assertThat(cond).hasToString("<Condition locked waiters=2>");
            assertThat(cond.statistics())
                    .isEqualTo(new ConditionStatistics(2, new LockStatistics(true, currentTask(), 0)));
            cond.signalAll();
            cond.release();
        });
    }

    @Test
    void aConditionUsedFromASecondLoopThrowsNamingBothLoops() {
        Condition cond = Condition.create();
        run(() -> cond.withLock(() -> cond.signal()));
        VirtualTimeLoop other = new VirtualTimeLoop(LoopOptions.defaults().withName("other-loop"), true);
        try {
            Throwable thrown = other.runTask(() -> catchThrowable(cond::acquire));
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'ConditionTest'").hasMessageContaining("'other-loop'");
        } finally {
            other.close();
        }
    }
}
