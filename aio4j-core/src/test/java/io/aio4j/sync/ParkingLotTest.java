package io.aio4j.sync;

import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.getRunningLoop;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aio4j.CancelledError;
import io.aio4j.LoopTest;
import io.aio4j.Task;
import io.aio4j.internal.sync.ParkingLot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fair wait queue under every primitive (trio's {@code ParkingLot}): FIFO order, counts, and
 * the two cancellation races behind ASYNCIO-SEMANTICS §3.7 specs 44 and 46 — a cancelled waiter is
 * skipped, and a waiter cancelled after its unpark hands the wake-up on.
 */
// A lost wake-up leaves a task waiting forever, and an idle virtual-time loop with no timer waits
// forever too: fail instead of hanging the build.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParkingLotTest extends LoopTest {

    private static void yieldOnce() {
        sleep(Duration.ZERO);
    }

    /** Parks {@code n} tasks that record their number when unparked; late cancels run {@code onLateCancel}. */
    private List<Task<Void>> park(ParkingLot lot, int n, Runnable onLateCancel) {
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int id = i;
            tasks.add(createTask(() -> {
                lot.park(getRunningLoop(), onLateCancel);
                record(id);
            }));
        }
        return tasks;
    }

    @Test
    void unparkWakesTasksInTheOrderTheyParked() {
        run(() -> {
            ParkingLot lot = new ParkingLot();
            List<Task<Void>> tasks = park(lot, 5, () -> {});
            yieldOnce();
            assertThat(lot.waiting()).isEqualTo(5);
            assertThat(lot.unparkOne()).isSameAs(tasks.get(0));
            assertThat(lot.unpark(2)).isEqualTo(2);
            yieldOnce();
            assertThat(events).containsExactly(1, 2, 3);
            assertThat(lot.unparkAll()).isEqualTo(2);
            yieldOnce();
            assertThat(events).containsExactly(1, 2, 3, 4, 5);
            assertThat(lot.isEmpty()).isTrue();
            assertThat(lot.unparkOne()).isNull();
            assertThat(lot).hasToString("<ParkingLot waiting=0>");
        });
    }

    // ASYNCIO-SEMANTICS §3.7 specs 44 and 46: a waiter cancelled before the unpark is skipped.
    @Test
    void cancelledWaiterDoesNotStealTheWakeup() {
        run(() -> {
            ParkingLot lot = new ParkingLot();
            List<Task<Void>> tasks = park(lot, 3, () -> record("late cancel"));
            yieldOnce();
            tasks.get(0).cancel();
            assertThat(lot.waiting()).as("cancelled, not yet gone: not counted").isEqualTo(2);
            assertThat(lot.unparkOne()).isSameAs(tasks.get(1));
            yieldOnce();
            assertThat(tasks.get(0).cancelled()).isTrue();
            assertThat(events).containsExactly(2);
            assertThat(lot.waiting()).isEqualTo(1);
            tasks.get(2).cancel();
        });
    }

    // ASYNCIO-SEMANTICS §3.7 specs 44 and 46: a waiter cancelled after its unpark, before it
    // resumed, runs the owner's hand-on, and raises.
    @Test
    void waiterCancelledAfterItsUnparkPassesTheWakeupOn() {
        run(() -> {
            ParkingLot lot = new ParkingLot();
            List<Task<Void>> tasks = new ArrayList<>();
            tasks.addAll(park(lot, 3, () -> {
                record("passed on");
                lot.unparkOne();
            }));
            yieldOnce();
            lot.unparkOne();
            tasks.get(0).cancel();
            yieldOnce();
            yieldOnce();
            assertThat(tasks.get(0).cancelled()).isTrue();
            assertThat(events).as("one unpark, one task woken").containsExactly("passed on", 2);
            assertThat(lot.waiting()).isEqualTo(1);
            tasks.get(2).cancel();
        });
    }

    @Test
    void aReleaseNeverWakesTwoWhateverTheCancellationsAround() {
        run(() -> {
            ParkingLot lot = new ParkingLot();
            List<Task<Void>> tasks = park(lot, 6, () -> lot.unparkOne());
            yieldOnce();
            tasks.get(0).cancel();       // before the unpark
            lot.unparkOne();             // goes to 2
            tasks.get(1).cancel();       // after it: 2 passes it to 3
            tasks.get(3).cancel();       // 4 is cancelled too, but 3 is ahead of it
            yieldOnce();
            yieldOnce();
            assertThat(events).containsExactly(3);
            assertThat(lot.waiting()).isEqualTo(2);
            tasks.get(4).cancel();
            tasks.get(5).cancel();
        });
    }

    @Test
    void parkOutsideATaskLeavesNothingQueued() {
        ParkingLot lot = new ParkingLot();
        Throwable thrown = catchThrowable(() -> run(() -> {
            loop.callSoon(() -> {
                try {
                    lot.park(loop, () -> {});
                } catch (IllegalStateException e) {
                    record(e.getMessage());
                }
            });
            yieldOnce();
        }));
        assertThat(thrown).isNull();
        assertThat(events).singleElement().asString().contains("callback");
        assertThat(lot.waiting()).isZero();
        assertThat(lot.isEmpty()).isTrue();
    }

    @Test
    void aCancelledParkRaisesCancelledError() {
        run(() -> {
            ParkingLot lot = new ParkingLot();
            Task<Throwable> t = createTask(() -> catchThrowable(() -> lot.park(getRunningLoop(), () -> {})));
            yieldOnce();
            t.cancel();
            yieldOnce();
            assertThat(t.result()).isInstanceOf(CancelledError.class);
            assertThat(lot.waiting()).isZero();
        });
    }
}
