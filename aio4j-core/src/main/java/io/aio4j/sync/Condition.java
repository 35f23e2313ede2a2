package io.aio4j.sync;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.internal.sync.ConditionImpl;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for the tasks of one event loop: asyncio's {@code Condition}. It couples a
 * {@link Lock} with a queue of tasks waiting for some state to change: a task holding the lock
 * waits in {@link #await()}, which releases the lock while it waits; another task changes the
 * state under the lock and calls {@link #signal()} or {@link #signalAll()}.
 * {@snippet :
 * Condition changed = Condition.create();
 * changed.withLock(() -> {                      // asyncio: async with cond:
 *     changed.awaitFor(() -> !items.isEmpty()); //   await cond.wait_for(lambda: items)
 *     return items.removeFirst();
 * });
 * // elsewhere, under the same lock:
 * changed.withLock(() -> {
 *     items.add(item);
 *     changed.signal();                         //   cond.notify()
 * });
 * }
 *
 * <h2>Names</h2>
 * Java's {@link Object#wait()}, {@link Object#notify()} and {@link Object#notifyAll()} are final
 * and block threads, so this type follows {@link java.util.concurrent.locks.Condition} instead:
 * <pre>
 * asyncio                  | aio4j
 * -------------------------+--------------------------
 * await cond.wait()        | cond.await()
 * await cond.wait_for(p)   | cond.awaitFor(p)
 * cond.notify(n)           | cond.signal(n)
 * cond.notify()            | cond.signal()
 * cond.notify_all()        | cond.signalAll()
 * async with cond:         | cond.withLock(body)
 * acquire/release/locked   | acquire/release/locked
 * </pre>
 *
 * <h2>Cancellation</h2>
 * {@code await()} always returns or raises holding the lock: cancelled while waiting, the task
 * re-acquires the lock first (waiting for it, and catching further cancellations meanwhile), then
 * raises {@link io.aio4j.CancelledError}, so the {@code withLock} around it releases a lock it
 * really holds (ASYNCIO-SEMANTICS §3.7 spec 48). A task cancelled after it was signalled passes the
 * signal on to the next waiter, as asyncio 3.13 does: a signal is never lost, though a waiter may
 * see a spurious wake-up, which is why waits belong in a loop ({@link #awaitFor}).
 *
 * <h2>Threads and loops</h2>
 * Loop thread only. A condition is bound to the loop that first uses it, and so is its lock; using
 * it from another loop, or from another thread while its loop runs, throws an
 * {@link IllegalStateException} that names both.
 */
public interface Condition {

    /**
     * Creates a condition with a lock of its own.
     *
     * @return the condition
     */
    static Condition create() {
        return new ConditionImpl(Lock.create());
    }

    /**
     * Creates a condition on an existing lock, so several conditions can share it: asyncio's
     * {@code Condition(lock)}.
     *
     * @param lock the lock
     * @return the condition
     */
    static Condition create(Lock lock) {
        return new ConditionImpl(lock);
    }

    /**
     * Returns the condition's lock.
     *
     * @return the lock given to {@link #create(Lock)}, or the condition's own
     */
    Lock lock();

    /**
     * Acquires the condition's lock; see {@link Lock#acquire()}. Suspends the calling task.
     */
    void acquire();

    /**
     * Releases the condition's lock; see {@link Lock#release()}.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    void release();

    /**
     * Tells whether the condition's lock is held; see {@link Lock#locked()}.
     *
     * @return {@code true} if it is held
     */
    boolean locked();

    /**
     * Runs {@code body} holding the condition's lock: asyncio's {@code async with cond:}. See
     * {@link Lock#withLock(AsyncCallable)}.
     *
     * @param body the critical section, which may call {@link #await()} and {@link #signal()}
     * @param <T> the body's result type
     * @return what the body returned
     * @throws Exception what the body threw, unchanged
     */
    <T> T withLock(AsyncCallable<T> body) throws Exception;

    /**
     * Runs {@code body}, which returns nothing, holding the condition's lock.
     *
     * @param body the critical section
     * @throws Exception what the body threw, unchanged
     */
    void withLock(AsyncRunnable body) throws Exception;

    /**
     * Waits until signalled: asyncio's {@code wait()}. Releases the lock, suspends the calling task
     * until a {@link #signal} or {@link #signalAll()} reaches it, then re-acquires the lock (after
     * the tasks signalled before it) and returns. Waiters are signalled in FIFO order.
     *
     * <p>Suspends the calling task. Cancelled, it still re-acquires the lock before it raises
     * {@link io.aio4j.CancelledError}; a signal it had received goes to the next waiter.
     *
     * @throws io.aio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException if the lock is not locked (asyncio's {@code RuntimeError}), the
     *     caller is not a task, or is a task of another loop
     */
    void await();

    /**
     * Waits until {@code predicate} is true: asyncio's {@code wait_for(predicate)}. Equivalent to
     * {@code while (!predicate.getAsBoolean()) await();}: checks the predicate first, holding the
     * lock, and again after each wake-up.
     *
     * <p>Suspends the calling task; cancellation as in {@link #await()}.
     *
     * @param predicate the state to wait for; evaluated holding the lock, must not suspend
     * @throws io.aio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException if the lock is not locked
     */
    void awaitFor(BooleanSupplier predicate);

    /**
     * Wakes the oldest waiting task: asyncio's {@code notify()}. Same as {@code signal(1)}.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    void signal();

    /**
     * Wakes up to {@code n} waiting tasks, oldest first: asyncio's {@code notify(n)}. Each
     * re-acquires the lock in turn once the caller releases it. Does not suspend.
     *
     * @param n how many at most; zero or less wakes none
     * @throws IllegalStateException if the lock is not locked (asyncio's {@code RuntimeError})
     */
    void signal(int n);

    /**
     * Wakes every waiting task: asyncio's {@code notify_all()}.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    void signalAll();

    /**
     * Returns a snapshot of the condition's state: trio's {@code ConditionStatistics}.
     *
     * @return how many tasks wait, and the lock's state
     */
    ConditionStatistics statistics();

    /**
     * Describes the condition's state, like asyncio's repr: {@code <Condition unlocked>},
     * {@code <Condition locked waiters=1>}.
     *
     * @return the description
     */
    @Override
    String toString();
}
