package io.aio4j.sync;

import io.aio4j.internal.sync.EventImpl;

/**
 * A flag that tasks can wait for: asyncio's {@code Event}. It starts clear; {@link #set()} raises
 * it and wakes every task waiting in {@link #await()}; {@link #clear()} lowers it again.
 * {@snippet :
 * Event ready = Event.create();
 * createTask(() -> {
 *     ready.await();              // asyncio: await ready.wait()
 *     System.out.println("go");
 * });
 * ready.set();
 * }
 *
 * <h2>Names</h2>
 * asyncio's {@code wait()} is {@link #await()} here, as in {@code CountDownLatch.await()}: Java's
 * {@link Object#wait()} is final and means something else (block the thread on a monitor), and
 * {@code waitFor} is aio4j's timeout combinator, asyncio's {@code wait_for}.
 *
 * <h2>Semantics</h2>
 * {@code set()} wakes every task waiting at that moment, even if {@code clear()} follows at once,
 * before they resume: each of them returns from {@code await()} although the flag is down again
 * by then (ASYNCIO-SEMANTICS §3.7 spec 47). Tasks that start waiting after the {@code clear()}
 * wait for the next {@code set()}.
 *
 * <h2>Threads and loops</h2>
 * Loop thread only. An event is bound to the loop that first uses it; using it from another loop,
 * or from another thread while its loop runs, throws an {@link IllegalStateException} that names
 * both. To set it from another thread, use {@code loop.callSoonThreadsafe(event::set)}.
 */
public interface Event {

    /**
     * Creates a clear event, not yet bound to a loop.
     *
     * @return the event
     */
    static Event create() {
        return new EventImpl();
    }

    /**
     * Waits until the event is set: asyncio's {@code wait()}. Returns at once if it is set now;
     * otherwise suspends the calling task until a {@link #set()}.
     *
     * <p>Suspends the calling task. Cancelled, it raises {@link io.aio4j.CancelledError} and
     * leaves nothing behind: the event does not change, and no other waiter misses the wake-up.
     *
     * @throws io.aio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException if the event is clear and the caller is not a task, or is a task
     *     of another loop
     */
    void await();

    /**
     * Sets the event and wakes every task waiting for it: asyncio's {@code set()}. Does nothing if
     * it is already set. Does not suspend; may be called from a callback.
     */
    void set();

    /**
     * Clears the event: asyncio's {@code clear()}. Tasks that wait afterwards wait for the next
     * {@link #set()}; tasks already woken stay woken.
     */
    void clear();

    /**
     * Tells whether the event is set: asyncio's {@code is_set()}.
     *
     * @return {@code true} if {@link #await()} now would return at once
     */
    boolean isSet();

    /**
     * Returns a snapshot of the event's state.
     *
     * @return whether it is set, and how many tasks wait
     */
    EventStatistics statistics();

    /**
     * Describes the event's state, like asyncio's repr: {@code <Event set>},
     * {@code <Event unset waiters=1>}.
     *
     * @return the description
     */
    @Override
    String toString();
}
