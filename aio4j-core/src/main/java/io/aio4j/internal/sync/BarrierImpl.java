package io.aio4j.internal.sync;

import io.aio4j.Task;
import io.aio4j.sync.Barrier;
import io.aio4j.sync.BarrierState;
import io.aio4j.sync.BarrierStatistics;
import io.aio4j.sync.BrokenBarrierException;

/**
 * {@link Barrier}: CPython's {@code asyncio.Barrier} state machine, on two parking lots instead of a
 * condition (single-threaded, it needs no lock, so {@code reset()} and {@code abort()} need not
 * suspend). Loop thread only.
 */
public final class BarrierImpl extends LoopBound implements Barrier {
    private static final Runnable NOTHING_TO_PASS_ON = () -> {};
    private final int parties;
    /** Tasks inside the current round, waiting for it to fill. */
    private final ParkingLot inside = new ParkingLot(this, "Barrier.await");
    /** Tasks that arrived while the barrier drained or reset. */
    private final ParkingLot outside = new ParkingLot(this, "Barrier.await (draining)");
    /** Guarded by: the loop thread, as all fields here. */
    private BarrierState state = BarrierState.FILLING;
    /** Tasks inside: arrived in this round and not yet left. */
    private int count;

    /**
     * Creates a barrier.
     *
     * @param parties tasks per round
     */
    public BarrierImpl(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, not " + parties);
        }
        this.parties = parties;
    }

    @Override
    protected String kind() {
        return "Barrier";
    }

    @Override
    public int await() {
        Task<?> task = taskForWait("await");
        while (state == BarrierState.DRAINING || state == BarrierState.RESETTING) {
            outside.park(task, NOTHING_TO_PASS_ON);
        }
        if (state == BarrierState.BROKEN) {
            throw new BrokenBarrierException("Barrier aborted: " + this);
        }
        int index = count++;
        try {
            if (index + 1 == parties) {
                state = BarrierState.DRAINING; // the round is complete: let its tasks go
                inside.unparkAll();
            } else {
                while (state == BarrierState.FILLING) {
                    inside.park(task, NOTHING_TO_PASS_ON);
                }
                if (state == BarrierState.BROKEN || state == BarrierState.RESETTING) {
                    throw new BrokenBarrierException("Abort or reset of barrier: " + this);
                }
            }
            return index;
        } finally {
            count--;
            if (count == 0) {
                if (state == BarrierState.DRAINING || state == BarrierState.RESETTING) {
                    state = BarrierState.FILLING;
                }
                outside.unparkAll();
            }
        }
    }

    @Override
    public void reset() {
        checkLoop();
        if (count > 0) {
            state = BarrierState.RESETTING;
        } else {
            state = BarrierState.FILLING;
        }
        wakeEveryone();
    }

    @Override
    public void abort() {
        checkLoop();
        state = BarrierState.BROKEN;
        wakeEveryone();
    }

    private void wakeEveryone() {
        inside.unparkAll();
        outside.unparkAll();
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int nWaiting() {
        return state == BarrierState.FILLING ? count : 0;
    }

    @Override
    public boolean broken() {
        return state == BarrierState.BROKEN;
    }

    @Override
    public BarrierStatistics statistics() {
        return new BarrierStatistics(parties, nWaiting(), state);
    }

    @Override
    public String toString() {
        return state == BarrierState.BROKEN ? "<Barrier broken>"
                : "<Barrier " + state + " waiters=" + nWaiting() + "/" + parties + ">";
    }
}
