package io.aio4j.sync;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.internal.sync.LockImpl;

/**
 * A mutual-exclusion lock for the tasks of one event loop: asyncio's {@code Lock}. At most one
 * task holds it; the others wait in {@link #acquire()} and get it in the order they asked.
 * {@snippet :
 * Lock lock = Lock.create();
 * lock.withLock(() -> {                // asyncio: async with lock:
 *     int balance = account.read();    // may suspend
 *     account.write(balance + 100);    // no other task touched the account in between
 * });
 * }
 *
 * <p>{@link #withLock} is the usual way in: it acquires, runs the body, and releases even if the
 * body throws or is cancelled, so no {@code try/finally} can be got wrong. {@link #acquire()} and
 * {@link #release()} are there for locks held across methods.
 *
 * <h2>Fairness and hand-over</h2>
 * Waiters acquire in FIFO order. {@link #release()} with tasks waiting hands the lock straight to
 * the oldest: it stays locked, held by that task, until the task resumes and later releases it.
 * A task that calls {@code acquire()} in between waits behind it (trio's behaviour). asyncio gets
 * the same order differently, and its {@code locked()} reads {@code False} in that instant; here
 * {@link #locked()} stays {@code true}.
 *
 * <h2>Cancellation</h2>
 * A cancelled {@code acquire()} never leaves the lock held by its task: cancelled while waiting,
 * the task leaves the queue and the next release skips it; cancelled after the lock was handed to
 * it but before it resumed, it hands the lock on to the next waiter (or unlocks it) and then
 * raises {@link io.aio4j.CancelledError}. A release never wakes two tasks.
 *
 * <h2>Threads and loops</h2>
 * Loop thread only. A lock is bound to the loop that first uses it; using it from another loop, or
 * from another thread while its loop runs, throws an {@link IllegalStateException} that names
 * both.
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>Not reentrant, and not owned, exactly as in asyncio: a task that acquires a lock it holds
 *       waits until some task releases it, and any task (or callback) may release a lock another
 *       task acquired. {@link LockStatistics#owner()} tells who holds it, for debugging.
 *   <li>It is not a {@link java.util.concurrent.locks.Lock}: it suspends tasks, never threads, and
 *       blocking a thread on it would block the loop.
 * </ul>
 */
public interface Lock {

    /**
     * Creates an unlocked lock, not yet bound to a loop.
     *
     * @return the lock
     */
    static Lock create() {
        return new LockImpl();
    }

    /**
     * Acquires the lock: asyncio's {@code acquire()}. Returns at once if the lock is free;
     * otherwise suspends the calling task until a release hands the lock to it, after every task
     * that asked before.
     *
     * <p>Suspends the calling task. Cancelled, it raises {@link io.aio4j.CancelledError} and does
     * not hold the lock; a hand-over that reached it meanwhile goes on to the next waiter.
     *
     * @throws io.aio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException if not called from a task, or from a task of another loop
     */
    void acquire();

    /**
     * Acquires the lock if it is free, without waiting: trio's {@code acquire_nowait()}.
     *
     * @return {@code true} if the caller now holds the lock; {@code false} if it is held, or handed
     *     to a waiting task
     */
    boolean tryAcquire();

    /**
     * Releases the lock: asyncio's {@code release()}. If tasks wait, the oldest gets the lock
     * (it stays locked); otherwise it is unlocked. Does not suspend; may be called from a
     * callback, and by a task other than the one that acquired it.
     *
     * @throws IllegalStateException if the lock is not locked (asyncio's {@code RuntimeError}), or
     *     used from another loop
     */
    void release();

    /**
     * Tells whether the lock is held (or handed to a task that has yet to resume).
     *
     * @return {@code true} if an {@link #acquire()} now would wait
     */
    boolean locked();

    /**
     * Runs {@code body} holding the lock: asyncio's {@code async with lock:}. Equivalent to
     * {@code acquire(); try { return body.call(); } finally { release(); }}. The body may suspend.
     *
     * <p>Suspends the calling task while it waits for the lock. Cancelled while waiting, the body
     * does not run; cancelled inside the body, the lock is released as the error leaves.
     *
     * @param body the critical section
     * @param <T> the body's result type
     * @return what the body returned
     * @throws Exception what the body threw, unchanged
     */
    <T> T withLock(AsyncCallable<T> body) throws Exception;

    /**
     * Runs {@code body}, which returns nothing, holding the lock; see {@link #withLock(AsyncCallable)}.
     *
     * @param body the critical section
     * @throws Exception what the body threw, unchanged
     */
    void withLock(AsyncRunnable body) throws Exception;

    /**
     * Returns a snapshot of the lock's state: trio's {@code statistics()}.
     *
     * @return whether it is locked, by which task, and how many wait
     */
    LockStatistics statistics();

    /**
     * Describes the lock's state, like asyncio's repr: {@code <Lock unlocked>},
     * {@code <Lock locked waiters=2>}.
     *
     * @return the description
     */
    @Override
    String toString();
}
