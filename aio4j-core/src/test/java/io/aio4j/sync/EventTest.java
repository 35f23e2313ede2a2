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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Event}: ASYNCIO-SEMANTICS §3.7 spec 47, translated from CPython's
 * {@code test_locks.py::EventTests}, plus cancellation, statistics and misuse.
 */
// A lost wake-up leaves a task waiting forever, and an idle virtual-time loop with no timer waits
// forever too: fail instead of hanging the build.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventTest extends LoopTest {

    private static void yieldOnce() {
        sleep(Duration.ZERO);
    }

    @Test
    void setWakesEveryWaiterInTheOrderTheyWaited() {
        run(() -> {
            Event ev = Event.create();
            assertThat(ev.isSet()).isFalse();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                createTask(() -> {
                    ev.await();
                    record(n);
                });
            }
            yieldOnce();
            assertThat(events).isEmpty();
            ev.set();
            yieldOnce();
            assertThat(events).containsExactly(1, 2, 3);
            assertThat(ev.isSet()).isTrue();
        });
    }

    @Test
    void awaitingASetEventReturnsAtOnce() {
        run(() -> {
            Event ev = Event.create();
            ev.set();
            long before = loop.time();
            ev.await();
            assertThat(loop.time()).isEqualTo(before);
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 47 (test_clear_with_waiters)
    @Test
    void setFollowedAtOnceByClearStillWakesTheWaitersAlreadyWaiting() {
        run(() -> {
            Event ev = Event.create();
            Task<Boolean> t = createTask(() -> {
                ev.await();
                record(1);
                return true;
            });
            yieldOnce();
            assertThat(events).isEmpty();

            ev.set();
            ev.clear();
            assertThat(ev.isSet()).isFalse();
            ev.set();
            ev.set();
            // asyncio still lists the woken waiter here (len(ev._waiters) == 1); the parking lot
            // has let it go already.
            assertThat(ev.statistics()).isEqualTo(new EventStatistics(true, 0));

            yieldOnce();
            assertThat(events).containsExactly(1);
            assertThat(t.done()).isTrue();
            assertThat(t.result()).isTrue();
        });
    }

    // ASYNCIO-SEMANTICS §3.7 spec 47: the plain case, with nothing set in between.
    @Test
    void aWaiterWokenBySetReturnsEvenIfTheEventIsClearWhenItResumes() {
        run(() -> {
            Event ev = Event.create();
            Task<Void> t = createTask(() -> ev.await());
            yieldOnce();
            ev.set();
            ev.clear();
            Task<Void> late = createTask(() -> ev.await());
            yieldOnce();
            assertThat(t.done()).isTrue();
            assertThat(late.done()).as("waits for the next set()").isFalse();
            late.cancel();
        });
    }

    @Test
    void aCancelledWaiterLeavesAndOthersStillWake() {
        run(() -> {
            Event ev = Event.create();
            Task<Void> cancelled = createTask(() -> ev.await());
            Task<Void> other = createTask(() -> ev.await());
            yieldOnce();
            cancelled.cancel();
            yieldOnce();
            assertThat(ev.statistics()).isEqualTo(new EventStatistics(false, 1));
            ev.set();
            await(other);
            assertThat(cancelled.cancelled()).isTrue();
        });
    }

    @Test
    void aWaiterCancelledAfterSetEndsCancelledAndTheEventStaysSet() {
        run(() -> {
            Event ev = Event.create();
            Task<Void> t = createTask(() -> ev.await());
            yieldOnce();
            ev.set();
            t.cancel();
            assertThat(catchThrowable(() -> await(t))).isInstanceOf(io.aio4j.CancelledError.class);
            assertThat(ev.isSet()).isTrue();
        });
    }

    @Test
    void statisticsAndToStringShowTheState() {
        run(() -> {
            Event ev = Event.create();
            assertThat(ev).hasToString("<Event unset>");
            Task<Void> t = createTask(() -> ev.await());
            yieldOnce();
            assertThat(ev).hasToString("<Event unset waiters=1>");
            assertThat(ev.statistics()).isEqualTo(new EventStatistics(false, 1));
            ev.set();
            assertThat(ev).hasToString("<Event set>");
            await(t);
        });
    }

    @Test
    void anEventMayBeSetBeforeAnyLoopRunsAndFromACallback() {
        Event ev = Event.create();
        ev.set();
        ev.clear();
        run(() -> {
            loop.callLater(Duration.ofSeconds(1), ev::set);
            ev.await();
            assertThat(nowMillis()).isEqualTo(1000);
        });
    }

    @Test
    void awaitOutsideATaskSaysWhereToCallIt() {
        Event ev = Event.create();
        assertThatThrownBy(ev::await).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Event.await() suspends the calling task");
    }

    @Test
    void anEventUsedFromASecondLoopThrowsNamingBothLoops() {
        Event ev = Event.create();
        run(() -> ev.set());
        VirtualTimeLoop other = new VirtualTimeLoop(LoopOptions.defaults().withName("other-loop"), true);
        try {
            Throwable thrown = other.runTask(() -> catchThrowable(ev::await));
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'EventTest'").hasMessageContaining("'other-loop'");
        } finally {
            other.close();
        }
    }
}
