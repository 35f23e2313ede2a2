package io.aio4j.sync;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aio4j.LoopOptions;
import io.aio4j.LoopTest;
import io.aio4j.Task;
import io.aio4j.internal.task.VirtualTimeLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Semaphore} and {@link BoundedSemaphore}: ASYNCIO-SEMANTICS §3.7 specs 45 and 46,
 * translated from CPython's {@code test_locks.py::SemaphoreTests}, plus over-release, statistics
 * and misuse.
 */
// A lost wake-up leaves a task waiting forever, and an idle virtual-time loop with no timer waits
// forever too: fail instead of hanging the build.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SemaphoreTest extends LoopTest {

    private static void yieldOnce() {
        sleep(Duration.ZERO);
    }

    // ASYNCIO-SEMANTICS §3.7 spec 45 (test_acquire_fifo_order)
    @Test
    void aTaskThatReleasesAndReacquiresGoesToTheBackOfTheQueue() {
        run(() -> {
            Semaphore sem = Semaphore.create(1);
            List<Task<Void>> tasks = new ArrayList<>();
            for (String name : List.of("c1", "c2", "c3")) {
                tasks.add(createTask(() -> {
                    for (int i = 1; i <= 2; i++) {
                        int round = i;
                        sem.withPermit(() -> {
                            record(name + "_" + round);
                            sleep(Duration.ofMillis(10));
                        });
                    }
                }));
            }
            for (Task<Void> t : tasks) {
                await(t);
            }
            assertThat(events).containsExactly("c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2");
            assertThat(sem.statistics()).isEqualTo(new SemaphoreStatistics(1, 0));
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 45 (test_acquire_fifo_order_2): a free permit does not let a
    // newcomer overtake a task that was handed one and has not resumed yet.
    @Test
    void aNewcomerWaitsBehindTasksAlreadyWoken() {
        run(() -> {
            Semaphore sem = Semaphore.create(1);
            sem.acquire();
            Task<Void> first = createTask(() -> {
                sem.acquire();
                record("first");
                sem.release();
            });
            yieldOnce();
            sem.release(); // handed to first, which has not resumed
            assertThat(sem.locked()).isTrue();
            assertThat(sem.tryAcquire()).isFalse();
            Task<Void> second = createTask(() -> {
                sem.acquire();
                record("second");
                sem.release();
            });
            await(first);
            await(second);
            assertThat(events).containsExactly("first", "second");
            assertThat(sem.statistics().value()).isEqualTo(1);
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 46 (test_acquire_cancel_before_awoken)
    @Test
    void cancelledWaitersDoNotSwallowARelease() {
        run(() -> {
            Semaphore sem = Semaphore.create(0);
            List<Task<Void>> t = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int n = i;
                t.add(createTask(() -> {
                    sem.acquire();
                    record(n);
                }));
            }
            yieldOnce();
            t.get(0).cancel();
            t.get(1).cancel();
            sem.release();
            yieldOnce();
            yieldOnce();

            assertThat(t.get(0).cancelled() && t.get(1).cancelled()).isTrue();
            assertThat(t.get(2).done()).as("exactly the third wakes").isTrue();
            assertThat(t.get(3).done()).isFalse();
            assertThat(events).containsExactly(3);
            assertThat(sem.statistics()).isEqualTo(new SemaphoreStatistics(0, 1));
            t.get(3).cancel();
            yieldOnce();
            assertThat(sem.statistics()).isEqualTo(new SemaphoreStatistics(0, 0));
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 46 (test_acquire_hang)
    @Test
    void cancellingOneOfTwoWaitersLetsTheOtherHaveTheRelease() {
        run(() -> {
            Semaphore sem = Semaphore.create(0);
            Task<Void> t1 = createTask(() -> sem.acquire());
            Task<Void> t2 = createTask(() -> sem.acquire());
            yieldOnce();
            t1.cancel();
            sem.release();
            yieldOnce();
            yieldOnce();
            assertThat(t1.cancelled()).isTrue();
            assertThat(t2.done()).isTrue();
            assertThat(sem.locked()).as("t2 took the only permit").isTrue();
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 46, the other order: the release reached the first waiter, which
    // is cancelled before it resumes; the permit goes on to the second.
    @Test
    void aWaiterCancelledAfterItWasHandedAPermitPassesItOn() {
        run(() -> {
            Semaphore sem = Semaphore.create(0);
            Task<Void> t1 = createTask(() -> sem.acquire());
            Task<Void> t2 = createTask(() -> sem.acquire());
            Task<Void> t3 = createTask(() -> sem.acquire());
            yieldOnce();
            sem.release();
            t1.cancel();
            yieldOnce();
            yieldOnce();
            assertThat(t1.cancelled()).isTrue();
            assertThat(t2.done()).isTrue();
            assertThat(t3.done()).as("one release, one task").isFalse();
            assertThat(sem.statistics()).isEqualTo(new SemaphoreStatistics(0, 1));
            t3.cancel();
            yieldOnce();
            sem.release();
            assertThat(sem.statistics()).as("the count goes up when nobody waits").isEqualTo(new SemaphoreStatistics(1, 0));
        });
    }

    @Test
    void aWaiterCancelledAfterTheLastReleaseGivesThePermitBackToTheCount() {
        run(() -> {
            Semaphore sem = Semaphore.create(0);
            Task<Void> t1 = createTask(() -> sem.acquire());
            yieldOnce();
            sem.release();
            t1.cancel();
            yieldOnce();
            assertThat(t1.cancelled()).isTrue();
            assertThat(sem.statistics()).isEqualTo(new SemaphoreStatistics(1, 0));
        });
    }

    @Test
    void permitsBoundHowManyRunAtOnce() {
        run(() -> {
            Semaphore sem = Semaphore.create(3);
            int[] inside = {0, 0};
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(createTask(() -> sem.withPermit(() -> {
                    inside[0]++;
                    inside[1] = Math.max(inside[1], inside[0]);
                    sleep(Duration.ofMillis(5));
                    inside[0]--;
                })));
            }
            for (Task<Void> t : tasks) {
                await(t);
            }
            assertThat(inside[1]).isEqualTo(3);
            assertThat(nowMillis()).as("four waves of 5 ms").isEqualTo(20);
        });
    }

    @Test
    void withPermitReturnsTheBodysValueAndGivesThePermitBackOnFailure() {
        run(() -> {
            Semaphore sem = Semaphore.create(1);
            assertThat(sem.withPermit(() -> "x")).isEqualTo("x");
            IllegalArgumentException failure = new IllegalArgumentException("boom");
            assertThat(catchThrowable(() -> sem.withPermit(() -> {
                throw failure;
            }))).isSameAs(failure);
            assertThat(sem.statistics().value()).isEqualTo(1);
        });
    }

    @Test
    void aNegativeInitialValueIsRefused() {
        assertThatThrownBy(() -> Semaphore.create(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> BoundedSemaphore.create(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlainSemaphoreMayBeReleasedPastItsInitialValue() {
        run(() -> {
            Semaphore sem = Semaphore.create(1);
            sem.release();
            assertThat(sem.statistics().value()).isEqualTo(2);
        });
    }

    @Test
    void aBoundedSemaphoreRefusesAReleaseBeyondItsInitialValue() {
        run(() -> {
            BoundedSemaphore sem = BoundedSemaphore.create(2);
            assertThat(sem.bound()).isEqualTo(2);
            sem.acquire();
            sem.release();
            assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class)
                    .hasMessage("BoundedSemaphore released too many times: <BoundedSemaphore unlocked value=2/2>");
            assertThat(sem.statistics().value()).as("unchanged").isEqualTo(2);
        });
    }

    @Test
    void aBoundedSemaphoreHandsAReleaseToAWaiterAndStillCountsCorrectly() {
        run(() -> {
            BoundedSemaphore sem = BoundedSemaphore.create(1);
            sem.acquire();
            Task<Void> waiter = createTask(() -> {
                sem.acquire();
                sem.release();
            });
            yieldOnce();
            sem.release();
            await(waiter);
            assertThat(sem).hasToString("<BoundedSemaphore unlocked value=1/1>");
            assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void statisticsAndToStringShowTheState() {
        run(() -> {
            Semaphore sem = Semaphore.create(2);
            assertThat(sem).hasToString("<Semaphore unlocked value=2>");
            sem.acquire();
            assertThat(sem.tryAcquire()).isTrue();
            assertThat(sem.locked()).isTrue();
            assertThat(sem.tryAcquire()).isFalse();
            createTask(() -> sem.acquire());
            createTask(() -> sem.acquire());
            Task<Void> third = createTask(() -> sem.acquire());
            yieldOnce();
            assertThat(sem).hasToString("<Semaphore locked waiters=3>");
            assertThat(sem.statistics()).isEqualTo(new SemaphoreStatistics(0, 3));
            third.cancel();
            yieldOnce();
            sem.release();
            sem.release();
            yieldOnce();
            assertThat(sem).hasToString("<Semaphore locked>");
        });
    }

    @Test
    void aSemaphoreUsedFromASecondLoopThrowsNamingBothLoops() {
        Semaphore sem = Semaphore.create(1);
        run(() -> sem.withPermit(() -> {}));
        VirtualTimeLoop other = new VirtualTimeLoop(LoopOptions.defaults().withName("other-loop"), true);
        try {
            Throwable thrown = other.runTask(() -> catchThrowable(sem::release));
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'SemaphoreTest'").hasMessageContaining("'other-loop'");
        } finally {
            other.close();
        }
    }
}
