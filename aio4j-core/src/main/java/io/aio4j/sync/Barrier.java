package io.aio4j.sync;

import io.aio4j.internal.sync.BarrierImpl;

/**
 * A meeting point for a fixed number of tasks: asyncio's {@code Barrier}. Each task that calls
 * {@link #await()} waits until {@link #parties()} tasks have called it; then all of them go on, and
 * the barrier fills again for the next round (it is cyclic, like
 * {@link java.util.concurrent.CyclicBarrier}).
 * {@snippet :
 * Barrier start = Barrier.create(3);
 * for (int i = 0; i < 3; i++) {
 *     createTask(() -> {
 *         int index = start.await();   // asyncio: await barrier.wait()
 *         if (index == start.parties() - 1) {   // the last to arrive
 *             System.out.println("all three are here");
 *         }
 *     });
 * }
 * }
 *
 * <h2>States</h2>
 * {@link BarrierState}, as in asyncio:
 * <pre>
 * state     | await()                        | last party arrives | last party leaves | reset()          | abort()
 * ----------+--------------------------------+--------------------+-------------------+------------------+--------
 * FILLING   | counts in, waits               | -> DRAINING        | (stays FILLING)   | -> RESETTING (*) | -> BROKEN
 * DRAINING  | waits until drained            |                    | -> FILLING        | -> RESETTING     | -> BROKEN
 * RESETTING | waits until drained            |                    | -> FILLING        | no change        | -> BROKEN
 * BROKEN    | throws BrokenBarrierException  |                    | (stays BROKEN)    | -> RESETTING (*) | no change
 * </pre>
 * (*) or straight to {@code FILLING} when no task is inside. Waiting tasks wake with a
 * {@link BrokenBarrierException} on {@code reset()} and {@code abort()}.
 *
 * <h2>Cancellation</h2>
 * A task cancelled while it waits for the others leaves the barrier: it no longer counts, and the
 * round needs another party to arrive (asyncio's behaviour; {@link java.util.concurrent.CyclicBarrier}
 * would break instead). A task cancelled after the round was complete but before it resumed raises
 * {@link io.aio4j.CancelledError} without holding up the others.
 *
 * <h2>Threads and loops</h2>
 * Loop thread only. A barrier is bound to the loop that first uses it; using it from another loop,
 * or from another thread while its loop runs, throws an {@link IllegalStateException} that names
 * both.
 */
public interface Barrier {

    /**
     * Creates a barrier: asyncio's {@code Barrier(parties)}.
     *
     * @param parties how many tasks each round waits for, one or more
     * @return the barrier, filling
     * @throws IllegalArgumentException if {@code parties} is less than one (asyncio's
     *     {@code ValueError})
     */
    static Barrier create(int parties) {
        return new BarrierImpl(parties);
    }

    /**
     * Arrives at the barrier and waits for the round to complete: asyncio's {@code wait()}. If the
     * barrier is draining the previous round or resetting, first waits for that to finish. The
     * task that completes a round does not wait.
     *
     * <p>Suspends the calling task. Cancelled while waiting, it leaves the barrier (the round needs
     * one party more) and raises {@link io.aio4j.CancelledError}.
     *
     * @return the arrival index in this round, from 0 to {@code parties() - 1}: how many tasks
     *     were inside when this one arrived. The last to arrive gets {@code parties() - 1}, so one
     *     task per round can be chosen for the round's housekeeping. Pitfall, as in asyncio: after
     *     a waiter left by cancellation, the next arrival reuses a lower index, so within that
     *     round two tasks may share one (only {@code parties() - 1} stays unique)
     * @throws BrokenBarrierException if the barrier is broken, or is reset or aborted while the task
     *     waits
     * @throws io.aio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException if not called from a task, or from a task of another loop
     */
    int await();

    /**
     * Returns the barrier to its empty, filling state: asyncio's {@code reset()}. Tasks waiting in
     * it get a {@link BrokenBarrierException}; while they leave, the barrier is
     * {@link BarrierState#RESETTING} and new arrivals wait. Also repairs a broken barrier. Does not
     * suspend (asyncio's is a coroutine only because it takes the barrier's internal lock).
     */
    void reset();

    /**
     * Breaks the barrier: asyncio's {@code abort()}. Waiting tasks and every later {@link #await()}
     * get a {@link BrokenBarrierException}, until {@link #reset()}. Use it when a party fails, so
     * the others do not wait forever. Does not suspend.
     */
    void abort();

    /**
     * Returns how many tasks each round waits for: asyncio's {@code parties}.
     *
     * @return the parties
     */
    int parties();

    /**
     * Returns how many tasks wait for the current round to fill: asyncio's {@code n_waiting}.
     *
     * @return the count while filling; zero while draining, resetting or broken
     */
    int nWaiting();

    /**
     * Tells whether the barrier is broken: asyncio's {@code broken}.
     *
     * @return {@code true} after {@link #abort()}, until {@link #reset()}
     */
    boolean broken();

    /**
     * Returns a snapshot of the barrier's state.
     *
     * @return parties, waiting tasks and state
     */
    BarrierStatistics statistics();

    /**
     * Describes the barrier's state, like asyncio's repr: {@code <Barrier filling waiters=2/3>},
     * {@code <Barrier broken>}.
     *
     * @return the description
     */
    @Override
    String toString();
}
