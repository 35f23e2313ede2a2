package io.aio4j.internal.task;

import io.aio4j.Task;

/**
 * A task suspended on a wait queue of its loop without a future: the waiter node of the sync
 * primitives' and the queues' wait queues. Loop thread (or the parked task's own thread) only.
 *
 * <p>It does what a fresh {@code Future<Void>} awaited by the task would do, minus the future: no
 * callback list, no result, one object per wait. The lifecycle, each arrow taken at most once:
 * <pre>
 * WAITING --unpark()-----> UNPARKED    the owner woke it: park() returns (or raises a cancel that came later)
 * WAITING --Task.cancel()-> CANCELLED  park() raises the CancelledError
 * </pre>
 * Either arrow puts the task's next step into the ready queue exactly where a future's wake-up
 * would have put it. A cancellation that arrives after the unpark, before the task resumes, finds
 * the node UNPARKED and is delivered at the end of {@link #park()} as with a future, so the owner
 * can tell the two races apart: a {@link io.aio4j.CancelledError} out of an UNPARKED node means
 * a wake-up the task will not use.
 */
public class ParkedTask {
    /** Where a parked task stands; see the table in the class javadoc. */
    public enum State {
        /** Parked, or about to park: neither arrow taken yet. */
        WAITING,
        /** Woken by its owner. */
        UNPARKED,
        /** Woken by a cancellation. */
        CANCELLED
    }

    private final TaskImpl<?> task;
    /** Guarded by: the loop thread, as all fields here. */
    private State state = State.WAITING;
    private String cancelMessage;

    /**
     * Creates the node of {@code task}, which is about to park on it.
     *
     * @param task the calling task (an aio4j task of the caller's loop, checked by the owner)
     */
    protected ParkedTask(Task<?> task) {
        this.task = (TaskImpl<?>) task;
    }

    /**
     * Returns the calling task, for a wait about to park it.
     *
     * @param operation the suspending call, for the message ({@code "ParkingLot.park()"})
     * @return the task
     * @throws IllegalStateException saying what to do instead (start a task, or do not wait in a
     *     callback) when the caller is not a task
     */
    public static Task<?> currentTask(String operation) {
        return Coroutines.requireTask(operation);
    }

    /**
     * Suspends the calling task, which must be this node's, until {@link #unpark} or a
     * cancellation. Delivers a cancellation requested while the task was not waiting, as
     * {@code Aio.await} does.
     *
     * @throws io.aio4j.CancelledError if the task was cancelled before or while it waited, or after
     *     its unpark but before it resumed ({@link #state()} then tells which)
     */
    public final void park() {
        task.park(this);
    }

    /**
     * Wakes the task unless it was woken or cancelled already. Loop thread only.
     *
     * @return whether this call woke it
     */
    public final boolean unpark() {
        if (state != State.WAITING) {
            return false;
        }
        state = State.UNPARKED;
        task.loop.scheduling.resume(task);
        return true;
    }

    /** {@code Task.cancel}'s delivery: wakes the task to raise a CancelledError, unless already woken. */
    final boolean cancel(String message) {
        if (state != State.WAITING) {
            return false;
        }
        state = State.CANCELLED;
        cancelMessage = message;
        task.loop.scheduling.resume(task);
        return true;
    }

    /** The cancel message, once {@link State#CANCELLED}. */
    final String cancelMessage() {
        return cancelMessage;
    }

    /**
     * Tells where the task stands.
     *
     * @return the state
     */
    public final State state() {
        return state;
    }

    /**
     * Tells whether the task still waits: neither unparked nor cancelled.
     *
     * @return {@code true} while WAITING
     */
    public final boolean waiting() {
        return state == State.WAITING;
    }

    /**
     * Returns the parked task.
     *
     * @return the task
     */
    public final Task<?> task() {
        return task;
    }

    @Override
    public String toString() {
        return "<parked " + state.name().toLowerCase(java.util.Locale.ROOT) + ">";
    }

    /**
     * Says what the parked task waits for, for snapshots; the wait queues of locks and queues say
     * which one. Loop thread only.
     *
     * @return the words
     */
    public String describeWait() {
        return "parked";
    }
}
