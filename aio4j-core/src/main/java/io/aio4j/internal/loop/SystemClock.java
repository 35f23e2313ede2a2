package io.aio4j.internal.loop;

/** The real monotonic clock, {@link System#nanoTime()}. Thread-safe; stateless. */
public final class SystemClock implements LoopClock {
    /** The one instance. */
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long blockNanos(long deadline) {
        if (deadline == NO_DEADLINE) {
            return -1;
        }
        return Math.max(0, deadline - System.nanoTime());
    }
}
