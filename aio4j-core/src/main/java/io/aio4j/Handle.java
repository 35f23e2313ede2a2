package io.aio4j;

/**
 * A callback scheduled on an {@link EventLoop} by {@link EventLoop#callSoon} or
 * {@link EventLoop#callSoonThreadsafe}; it can be cancelled until it runs.
 */
public interface Handle {
    /**
     * Cancels the callback: if it has not run yet, it never will. Does nothing if it already ran
     * or was cancelled. Thread-safe.
     */
    void cancel();

    /**
     * Tells whether {@link #cancel()} was called.
     *
     * @return {@code true} once the handle has been cancelled
     */
    boolean cancelled();
}
