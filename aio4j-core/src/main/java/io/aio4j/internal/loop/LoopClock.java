package io.aio4j.internal.loop;

/**
 * The seam through which a loop reads time and decides how long it may block: the system's
 * monotonic clock in production, a virtual clock in tests (trio's {@code Clock}, kotlinx's
 * {@code TestCoroutineScheduler}). Thread-safe.
 */
public interface LoopClock {
    /** The deadline of a loop that has no timer. */
    long NO_DEADLINE = Long.MAX_VALUE;

    /**
     * Returns the current time in nanoseconds, monotonic, from an arbitrary origin.
     *
     * @return now
     */
    long nanoTime();

    /**
     * Returns how many real nanoseconds an idle loop may block waiting for I/O when its next timer
     * is due at {@code deadline}. A virtual clock may move itself here (autojump).
     *
     * @param deadline the next timer's deadline on this clock, or {@link #NO_DEADLINE}
     * @return nanoseconds to block; {@code 0} not to block; {@code -1} to block until woken
     */
    long blockNanos(long deadline);

    /**
     * Like {@link #blockNanos(long)}, knowing whether other threads are doing work the loop awaits.
     * A virtual clock does not jump then: the work's outcome, not time, is what the loop waits for.
     *
     * @param deadline the next timer's deadline on this clock, or {@link #NO_DEADLINE}
     * @param outsideWorkPending whether work handed to other threads has yet to report back
     * @return nanoseconds to block; {@code 0} not to block; {@code -1} to block until woken
     */
    default long blockNanos(long deadline, boolean outsideWorkPending) {
        return blockNanos(deadline);
    }
}
