package io.aio4j.sync;

/**
 * Thrown by {@code Barrier.await()} when the barrier is broken or reset while the task waits, or
 * was broken before it arrived: asyncio's {@code BrokenBarrierError}. Unchecked, unlike
 * {@link java.util.concurrent.BrokenBarrierException}, because a broken barrier means the group of
 * tasks it synchronised gave up.
 */
public class BrokenBarrierException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which barrier, and how it broke
     */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
