package io.aio4j;

/**
 * A callback scheduled for a point in time by {@link EventLoop#callLater} or
 * {@link EventLoop#callAt}. Timers with equal deadlines run in the order they were scheduled
 * (a promise asyncio does not make; aio4j does).
 */
public interface TimerHandle extends Handle {
    /**
     * Returns the deadline, on the loop's clock ({@link EventLoop#time()}), in nanoseconds.
     *
     * @return when the callback is due
     */
    long when();
}
