package io.aio4j.internal.loop;

import java.time.Duration;

/**
 * A clock that moves only when told to, or, with autojump on, jumps to the next timer whenever the
 * loop has nothing else to do (trio's {@code MockClock(autojump_threshold=0)}). Tests that use it
 * never sleep for real. Thread-safe: the time is volatile and moves only forward.
 */
public final class VirtualClock implements LoopClock {
    private volatile long now;
    private volatile boolean autojump;

    /**
     * Creates a clock at time zero.
     *
     * @param autojump whether an idle loop jumps to its next timer
     */
    public VirtualClock(boolean autojump) {
        this.autojump = autojump;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long blockNanos(long deadline) {
        if (!autojump) {
            return -1; // time stands still: only advance() or a cross-thread wake-up moves the loop
        }
        if (deadline != NO_DEADLINE) {
            advanceTo(deadline);
            return 0;
        }
        return -1;
    }

    @Override
    public long blockNanos(long deadline, boolean outsideWorkPending) {
        return outsideWorkPending ? -1 : blockNanos(deadline);
    }

    /**
     * Moves the clock forward.
     *
     * @param delta how far; must not be negative
     */
    public void advance(Duration delta) {
        if (delta.isNegative()) {
            throw new IllegalArgumentException("time moves forward only: " + delta);
        }
        advanceTo(now + delta.toNanos());
    }

    /**
     * Moves the clock to {@code time} if that is later than now.
     *
     * @param time the new time, in nanoseconds
     */
    public synchronized void advanceTo(long time) {
        if (time > now) {
            now = time;
        }
    }

    /**
     * Tells whether autojump is on.
     *
     * @return whether an idle loop jumps to its next timer
     */
    public boolean autojump() {
        return autojump;
    }

    /**
     * Turns autojump on or off.
     *
     * @param enabled whether an idle loop jumps to its next timer
     */
    public void setAutojump(boolean enabled) {
        this.autojump = enabled;
    }
}
