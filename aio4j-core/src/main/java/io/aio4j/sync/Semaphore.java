package io.aio4j.sync;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.internal.sync.SemaphoreImpl;

/**
 * A counter of permits for the tasks of one event loop: asyncio's {@code Semaphore}. Each
 * {@link #acquire()} takes a permit, waiting while there is none; each {@link #release()} gives one
 * back. Use it to bound how many tasks do something at once.
 * {@snippet :
 * Semaphore connections = Semaphore.create(10);
 * connections.withPermit(() -> fetch(url)); // asyncio: async with sem: — at most 10 fetch at once
 * }
 *
 * <p>{@link #release()} never fails here, so a semaphore can end up with more permits than it
 * started with; {@link BoundedSemaphore} refuses that, and catches a release too many.
 *
 * <h2>Fairness and hand-over</h2>
 * Waiters get permits in FIFO order. A release with tasks waiting hands its permit straight to the
 * oldest, so a task that releases and re-acquires goes to the back of the line
 * (ASYNCIO-SEMANTICS §3.7 spec 45), and {@link #tryAcquire()} never jumps the queue.
 *
 * <h2>Cancellation</h2>
 * A cancelled {@code acquire()} never keeps a permit: cancelled while waiting, its task leaves the
 * queue and releases skip it; cancelled after a permit was handed to it but before it resumed, it
 * hands the permit on to the next waiter (or back to the count) and then raises
 * {@link io.aio4j.CancelledError}. So a release wakes exactly one task that will use it, however
 * many waiters are cancelled around it (spec 46).
 *
 * <h2>Threads and loops</h2>
 * Loop thread only. A semaphore is bound to the loop that first uses it; using it from another
 * loop, or from another thread while its loop runs, throws an {@link IllegalStateException} that
 * names both.
 */
public interface Semaphore {

    /**
     * Creates a semaphore: asyncio's {@code Semaphore(value)}.
     *
     * @param value the initial number of permits, zero or more
     * @return the semaphore
     * @throws IllegalArgumentException if {@code value} is negative (asyncio's {@code ValueError})
     */
    static Semaphore create(int value) {
        return new SemaphoreImpl(value);
    }

    /**
     * Takes a permit: asyncio's {@code acquire()}. Returns at once if one is free; otherwise
     * suspends the calling task until a release hands one to it, after every task that asked
     * before.
     *
     * <p>Suspends the calling task. Cancelled, it raises {@link io.aio4j.CancelledError} without a
     * permit; a permit handed to it meanwhile goes on to the next waiter.
     *
     * @throws io.aio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException if not called from a task, or from a task of another loop
     */
    void acquire();

    /**
     * Takes a permit if one is free, without waiting: trio's {@code acquire_nowait()}.
     *
     * @return {@code true} if the caller took a permit
     */
    boolean tryAcquire();

    /**
     * Gives a permit back: asyncio's {@code release()}. If tasks wait, the oldest gets it;
     * otherwise the count goes up. Does not suspend; may be called from a callback, and by a task
     * that never acquired.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore} already at its initial value
     */
    void release();

    /**
     * Tells whether an {@link #acquire()} now would wait: asyncio's {@code locked()}.
     *
     * @return {@code true} if no permit is free
     */
    boolean locked();

    /**
     * Runs {@code body} holding a permit: asyncio's {@code async with sem:}, kotlinx's
     * {@code withPermit}. Equivalent to
     * {@code acquire(); try { return body.call(); } finally { release(); }}. The body may suspend.
     *
     * <p>Suspends the calling task while it waits for a permit. Cancelled while waiting, the body
     * does not run; cancelled inside the body, the permit is given back as the error leaves.
     *
     * @param body what to run
     * @param <T> the body's result type
     * @return what the body returned
     * @throws Exception what the body threw, unchanged
     */
    <T> T withPermit(AsyncCallable<T> body) throws Exception;

    /**
     * Runs {@code body}, which returns nothing, holding a permit; see
     * {@link #withPermit(AsyncCallable)}.
     *
     * @param body what to run
     * @throws Exception what the body threw, unchanged
     */
    void withPermit(AsyncRunnable body) throws Exception;

    /**
     * Returns a snapshot of the semaphore's state.
     *
     * @return the free permits and how many tasks wait
     */
    SemaphoreStatistics statistics();

    /**
     * Describes the semaphore's state, like asyncio's repr: {@code <Semaphore unlocked value=2>},
     * {@code <Semaphore locked waiters=3>}.
     *
     * @return the description
     */
    @Override
    String toString();
}
