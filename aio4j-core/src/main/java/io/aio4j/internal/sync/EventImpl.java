package io.aio4j.internal.sync;

import io.aio4j.Task;
import io.aio4j.sync.Event;
import io.aio4j.sync.EventStatistics;

/**
 * {@link Event} on a {@link ParkingLot}. Loop thread only. A woken waiter cancelled before it
 * resumes owes nobody anything: every waiter was woken, so there is no wake-up to pass on.
 */
public final class EventImpl extends LoopBound implements Event {
    private static final Runnable NOTHING_TO_PASS_ON = () -> {};
    private final ParkingLot lot = new ParkingLot(this, "Event.wait");
    /** Guarded by: the loop thread. */
    private boolean value;

    @Override
    protected String kind() {
        return "Event";
    }

    @Override
    public void await() {
        if (value) {
            checkLoop();
            return;
        }
        Task<?> task = taskForWait("await");
        lot.park(task, NOTHING_TO_PASS_ON);
    }

    @Override
    public void set() {
        checkLoop();
        if (!value) {
            value = true;
            lot.unparkAll();
        }
    }

    @Override
    public void clear() {
        checkLoop();
        value = false;
    }

    @Override
    public boolean isSet() {
        return value;
    }

    @Override
    public EventStatistics statistics() {
        return new EventStatistics(value, lot.waiting());
    }

    @Override
    public String toString() {
        return Describe.of("Event", value ? "set" : "unset", lot);
    }
}
