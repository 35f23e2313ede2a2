package io.aio4j.sync;

import io.aio4j.internal.sync.SemaphoreImpl;

/**
 * A {@link Semaphore} that refuses to hold more permits than it started with: asyncio's
 * {@code BoundedSemaphore}. A {@link #release()} that would go past the initial value throws, which
 * catches code that releases more often than it acquires.
 * {@snippet :
 * BoundedSemaphore slots = BoundedSemaphore.create(2);
 * slots.acquire();
 * slots.release();
 * slots.release(); // IllegalStateException: BoundedSemaphore released too many times
 * }
 *
 * <p>Everything else, fairness and cancellation included, is as in {@link Semaphore}.
 */
public interface BoundedSemaphore extends Semaphore {

    /**
     * Creates a bounded semaphore: asyncio's {@code BoundedSemaphore(value)}.
     *
     * @param value the initial number of permits, which is also the most it may hold
     * @return the semaphore
     * @throws IllegalArgumentException if {@code value} is negative
     */
    static BoundedSemaphore create(int value) {
        return new SemaphoreImpl.Bounded(value);
    }

    /**
     * Returns the most permits this semaphore may hold: its initial value.
     *
     * @return the bound
     */
    int bound();

    /**
     * Gives a permit back; see {@link Semaphore#release()}.
     *
     * @throws IllegalStateException if the semaphore already holds {@link #bound()} permits
     *     (asyncio's {@code ValueError: BoundedSemaphore released too many times}); the count does
     *     not change
     */
    @Override
    void release();
}
