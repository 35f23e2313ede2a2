package io.aio4j.internal.sync;

import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.internal.task.ParkedTask;

/**
 * A fair queue of parked tasks, trio's {@code ParkingLot}: the one wait queue under every primitive
 * of {@code io.aio4j.sync} and every queue of {@code io.aio4j.queue}. Loop thread (or its tasks)
 * only; the owner of a lot checks the loop, the lot does not.
 *
 * <p>{@link #park} suspends the calling task on a node at the back of the queue, the node being the
 * task's {@link ParkedTask} (no future, one object per wait); {@link #unpark(int)} takes tasks from
 * the front and wakes them, in order. The lot keeps no state beyond the queue: what an unpark means
 * (a lock handed over, an item put) is the owner's business.
 *
 * <h2>Cancellation without lost wake-ups</h2>
 * A parked task that is cancelled has its node cancelled (that is how {@code Task.cancel} delivers),
 * but the node leaves the queue only when the task resumes. Until then the node is skipped by every
 * unpark, which moves on to the next live waiter: the wake-up goes to a task that will use it. The
 * other race, a task cancelled after its unpark but before it resumed, cannot be told apart by the
 * unparker; the parked task sees it in {@link #park}, which then runs the owner's
 * {@code onLateCancel} (give the lock back, pass the item on) before raising the
 * {@link io.aio4j.CancelledError}.
 */
public final class ParkingLot {
    /** Oldest parked node, or {@code null}. Guarded by: the loop thread, as all fields here. */
    private Node head;
    /** Newest parked node, or {@code null}. */
    private Node tail;

    /** A parked task: a doubly linked node, so a cancelled one leaves in O(1) from anywhere. */
    /** The primitive or queue this lot belongs to, for snapshots; may be {@code null}. */
    private final Object owner;
    /** The waiting operation, {@code "Lock.acquire"}, for snapshots. */
    private final String operation;

    /**
     * Creates a lot.
     *
     * @param owner the primitive or queue the lot belongs to: its {@code toString()} describes a
     *     wait in a {@link io.aio4j.LoopSnapshot}
     * @param operation the operation that waits here, {@code "Queue.get"}
     */
    public ParkingLot(Object owner, String operation) {
        this.owner = owner;
        this.operation = operation;
    }

    /** Creates a lot of no primitive in particular: its waits read {@code "ParkingLot.park"}. */
    public ParkingLot() {
        this(null, "ParkingLot.park");
    }

    private final class Node extends ParkedTask {
        Node prev;
        Node next;
        /** Whether the node is still linked into the queue. */
        boolean queued = true;

        Node(Task<?> task) {
            super(task);
        }

        @Override
        public String describeWait() {
            String what;
            try {
                what = owner == null ? "" : " " + owner;
            } catch (RuntimeException raced) { // a snapshot read from outside a blocked loop
                what = "";
            }
            return operation + what;
        }
    }

    /**
     * Suspends the calling task at the back of the queue until an unpark reaches it: for an owner
     * that has no task at hand, which {@link #park(Task, Runnable)} spares a second look-up.
     *
     * @param loop the loop the owner is bound to
     * @param onLateCancel runs when the task was unparked but cancelled before it resumed: it must
     *     undo what the unpark handed over, usually by unparking the next task
     * @throws io.aio4j.CancelledError if the task was cancelled; it has left the queue either way
     * @throws IllegalStateException if the caller is not a task of {@code loop}
     */
    public void park(EventLoop loop, Runnable onLateCancel) {
        Task<?> task = ParkedTask.currentTask("ParkingLot.park()");
        if (task.loop() != loop) {
            throw new IllegalStateException("ParkingLot.park() needs a task of event loop '" + loop.name() + "', not " + task);
        }
        park(task, onLateCancel);
    }

    /**
     * Suspends {@code task}, the calling task, at the back of the queue until an unpark reaches it.
     *
     * @param task the calling task, of the owner's loop (as {@link LoopBound#taskForWait} returns it)
     * @param onLateCancel runs when the task was unparked but cancelled before it resumed: it must
     *     undo what the unpark handed over, usually by unparking the next task
     * @throws io.aio4j.CancelledError if the task was cancelled; it has left the queue either way
     */
    public void park(Task<?> task, Runnable onLateCancel) {
        Node node = new Node(task);
        append(node);
        try {
            node.park();
        } catch (Throwable e) {
            if (node.state() == ParkedTask.State.UNPARKED) {
                onLateCancel.run();
            } else {
                unlink(node);
            }
            throw e;
        }
    }

    /**
     * Unparks the oldest live task, which resumes on a later iteration.
     *
     * @return the task, or {@code null} if no live task was parked
     */
    public Task<?> unparkOne() {
        while (head != null) {
            Node n = head;
            unlink(n);
            if (n.unpark()) {
                return n.task();
            }
            // cancelled, its task not yet resumed: skip it, the wake-up goes to the next
        }
        return null;
    }

    /**
     * Unparks up to {@code count} live tasks, oldest first.
     *
     * @param count how many at most
     * @return how many were unparked
     */
    public int unpark(int count) {
        int woken = 0;
        while (woken < count && unparkOne() != null) {
            woken++;
        }
        return woken;
    }

    /**
     * Unparks every live task parked now, oldest first. Tasks that park afterwards (even on the same
     * iteration, before the unparked ones resume) stay parked.
     *
     * @return how many were unparked
     */
    public int unparkAll() {
        return unpark(Integer.MAX_VALUE);
    }

    /**
     * Tells how many tasks are parked and live. Walks the queue: for statistics and messages.
     *
     * @return parked tasks, not counting cancelled ones that have yet to leave
     */
    public int waiting() {
        int n = 0;
        for (Node x = head; x != null; x = x.next) {
            if (x.waiting()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Tells whether no live task is parked.
     *
     * @return {@code true} if an unpark now would wake nobody
     */
    public boolean isEmpty() {
        for (Node x = head; x != null; x = x.next) {
            if (x.waiting()) {
                return false;
            }
        }
        return true;
    }

    private void append(Node n) {
        n.prev = tail;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
    }

    private void unlink(Node n) {
        if (!n.queued) {
            return;
        }
        n.queued = false;
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
    }

    @Override
    public String toString() {
        return "<ParkingLot waiting=" + waiting() + ">";
    }
}
