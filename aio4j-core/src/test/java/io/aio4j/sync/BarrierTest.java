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
 * {@link Barrier}, after CPython's {@code test_locks.py::BarrierTests}: rounds, arrival indexes,
 * draining, reset, abort, cancellation, statistics and misuse.
 */
// A lost wake-up leaves a task waiting forever, and an idle virtual-time loop with no timer waits
// forever too: fail instead of hanging the build.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BarrierTest extends LoopTest {

    private static void yieldOnce() {
        sleep(Duration.ZERO);
    }

    private List<Task<Integer>> arrive(Barrier barrier, int n, String tag) {
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(() -> {
                int index = barrier.await();
                record(tag);
                return index;
            }));
        }
        return tasks;
    }

    @Test
    void everyPartyWaitsForTheLastAndGetsItsArrivalIndex() {
        run(() -> {
            Barrier barrier = Barrier.create(3);
            List<Task<Integer>> tasks = arrive(barrier, 2, "passed");
            yieldOnce();
            assertThat(events).isEmpty();
            assertThat(barrier.nWaiting()).isEqualTo(2);
            assertThat(barrier).hasToString("<Barrier filling waiters=2/3>");

            assertThat(barrier.await()).as("the last to arrive does not wait").isEqualTo(2);
            List<Integer> indexes = new ArrayList<>();
            for (Task<Integer> t : tasks) {
                indexes.add(await(t));
            }
            assertThat(indexes).containsExactly(0, 1);
            assertThat(events).containsExactly("passed", "passed");
            assertThat(barrier.statistics()).isEqualTo(new BarrierStatistics(3, 0, BarrierState.FILLING));
        });
    }

    @Test
    void aBarrierIsCyclic() {
        run(() -> {
            Barrier barrier = Barrier.create(2);
            for (int round = 0; round < 3; round++) {
                Task<Integer> other = createTask(barrier::await);
                assertThat(barrier.await() + await(other)).isEqualTo(1); // indexes 0 and 1
            }
        });
    }

    @Test
    void aBarrierOfOnePartyNeverWaits() {
        run(() -> {
            Barrier barrier = Barrier.create(1);
            assertThat(barrier.await()).isZero();
            assertThat(barrier.await()).isZero();
        });
    }

    @Test
    void arrivalsWhileTheLastRoundDrainsWaitForTheNextRound() {
        run(() -> {
            Barrier barrier = Barrier.create(2);
            List<Task<Integer>> first = arrive(barrier, 1, "round 1");
            yieldOnce();
            assertThat(barrier.await()).isEqualTo(1); // completes round 1; the other has not left yet
            assertThat(barrier.statistics().state()).isEqualTo(BarrierState.DRAINING);
            assertThat(barrier).hasToString("<Barrier draining waiters=0/2>");
            List<Task<Integer>> second = arrive(barrier, 2, "round 2");
            yieldOnce();
            yieldOnce();
            assertThat(await(first.get(0))).isZero();
            assertThat(await(second.get(0)) + await(second.get(1))).as("a fresh round: indexes 0 and 1").isEqualTo(1);
            assertThat(events).containsExactly("round 1", "round 2", "round 2");
        });
    }

    @Test
    void resetBreaksTheWaitersAndRefillsTheBarrier() {
        run(() -> {
            Barrier barrier = Barrier.create(3);
            List<Task<Integer>> waiting = arrive(barrier, 2, "passed");
            yieldOnce();
            barrier.reset();
            assertThat(barrier.statistics().state()).isEqualTo(BarrierState.RESETTING);
            for (Task<Integer> t : waiting) {
                assertThat(catchThrowable(() -> await(t))).isInstanceOf(BrokenBarrierException.class)
                        .hasMessageContaining("Abort or reset of barrier");
            }
            assertThat(barrier.statistics()).isEqualTo(new BarrierStatistics(3, 0, BarrierState.FILLING));
            assertThat(barrier.broken()).isFalse();

            List<Task<Integer>> next = arrive(barrier, 2, "next round");
            yieldOnce();
            assertThat(barrier.await()).isEqualTo(2);
            for (Task<Integer> t : next) {
                await(t);
            }
            assertThat(events).containsExactly("next round", "next round");
        });
    }

    @Test
    void arrivalsDuringAResetWaitUntilTheOldWaitersHaveLeft() {
        run(() -> {
            Barrier barrier = Barrier.create(2);
            List<Task<Integer>> old = arrive(barrier, 1, "old");
            yieldOnce();
            barrier.reset(); // the old waiter has yet to leave
            Task<Integer> newcomer = createTask(barrier::await);
            yieldOnce();
            assertThat(old.get(0).exception()).isInstanceOf(BrokenBarrierException.class);
            assertThat(barrier.statistics()).isEqualTo(new BarrierStatistics(2, 1, BarrierState.FILLING));
            assertThat(barrier.await()).isEqualTo(1);
            assertThat(await(newcomer)).isZero();
        });
    }

    @Test
    void abortBreaksTheWaitersAndEveryLaterWaitUntilReset() {
        run(() -> {
            Barrier barrier = Barrier.create(3);
            List<Task<Integer>> waiting = arrive(barrier, 2, "passed");
            yieldOnce();
            barrier.abort();
            assertThat(barrier.broken()).isTrue();
            assertThat(barrier).hasToString("<Barrier broken>");
            for (Task<Integer> t : waiting) {
                assertThat(catchThrowable(() -> await(t))).isInstanceOf(BrokenBarrierException.class);
            }
            assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class)
                    .hasMessage("Barrier aborted: <Barrier broken>");
            assertThat(barrier.statistics()).isEqualTo(new BarrierStatistics(3, 0, BarrierState.BROKEN));

            barrier.reset();
            assertThat(barrier.broken()).isFalse();
            List<Task<Integer>> next = arrive(barrier, 2, "after reset");
            yieldOnce();
            assertThat(barrier.await()).isEqualTo(2);
            for (Task<Integer> t : next) {
                await(t);
            }
            assertThat(events).containsExactly("after reset", "after reset");
        });
    }

    @Test
    void aWaiterCancelledWhileFillingLeavesTheRoundShortOfOne() {
        run(() -> {
            Barrier barrier = Barrier.create(3);
            List<Task<Integer>> waiting = arrive(barrier, 2, "passed");
            yieldOnce();
            waiting.get(0).cancel();
            yieldOnce();
            assertThat(waiting.get(0).cancelled()).isTrue();
            assertThat(barrier.nWaiting()).isEqualTo(1);

            Task<Integer> replacement = createTask(barrier::await);
            yieldOnce();
            assertThat(barrier.await()).isEqualTo(2);
            // As in asyncio, the index is the count at arrival: the replacement shares index 1.
            assertThat(await(waiting.get(1))).isEqualTo(1);
            assertThat(await(replacement)).isEqualTo(1);
        });
    }

    @Test
    void aWaiterCancelledAfterTheRoundCompletedDoesNotHoldUpTheOthers() {
        run(() -> {
            Barrier barrier = Barrier.create(3);
            List<Task<Integer>> waiting = arrive(barrier, 2, "passed");
            yieldOnce();
            assertThat(barrier.await()).isEqualTo(2);
            waiting.get(0).cancel(); // released, not yet resumed
            assertThat(catchThrowable(() -> await(waiting.get(0)))).isInstanceOf(io.aio4j.CancelledError.class);
            assertThat(await(waiting.get(1))).isEqualTo(1);
            assertThat(barrier.statistics()).isEqualTo(new BarrierStatistics(3, 0, BarrierState.FILLING));
        });
    }

    @Test
    void fewerThanOnePartyIsRefused() {
        assertThatThrownBy(() -> Barrier.create(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parties must be >= 1");
        assertThat(Barrier.create(4).parties()).isEqualTo(4);
    }

    @Test
    void aBarrierUsedFromASecondLoopThrowsNamingBothLoops() {
        Barrier barrier = Barrier.create(1);
        run(() -> barrier.await());
        VirtualTimeLoop other = new VirtualTimeLoop(LoopOptions.defaults().withName("other-loop"), true);
        try {
            Throwable thrown = other.runTask(() -> catchThrowable(barrier::await));
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'BarrierTest'").hasMessageContaining("'other-loop'");
            thrown = other.runTask(() -> catchThrowable(barrier::abort));
            assertThat(thrown).isInstanceOf(IllegalStateException.class);
        } finally {
            other.close();
        }
    }
}
