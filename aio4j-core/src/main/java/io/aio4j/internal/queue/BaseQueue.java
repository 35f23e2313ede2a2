package io.aio4j.internal.queue;

import io.aio4j.Task;
import io.aio4j.internal.sync.LoopBound;
import io.aio4j.internal.sync.ParkingLot;
import io.aio4j.queue.Queue;
import io.aio4j.queue.QueueEmptyException;
import io.aio4j.queue.QueueFullException;
import io.aio4j.queue.QueueShutDownException;
import io.aio4j.queue.QueueStatistics;
import java.util.List;
import java.util.Objects;

/**
 * asyncio's {@code Queue} logic (CPython {@code asyncio/queues.py}, 3.13), with the storage left to
 * subclasses. Loop thread (or its tasks) only; a plain thread may use it while its loop is not
 * running.
 *
 * <p>Waiting tasks park in {@link ParkingLot}s, one per reason (an item, room, all tasks done),
 * without a future. Putting an item wakes the first live getter (and taking one, the first putter)
 * but does not hand the item over: the woken task takes it when it resumes, as in asyncio. That is
 * what makes cancellation lose nothing: a task cancelled after its wake-up never took the item (or
 * the room), so it only passes its turn on to the next waiter. The fast paths (an item or room
 * already there) allocate nothing; a wait allocates its lot's node and nothing else.
 *
 * @param <T> the item type
 */
public abstract class BaseQueue<T> extends LoopBound implements Queue<T> {
    /** Items shown by {@code toString()} before it abbreviates. */
    private static final int SHOWN_ITEMS = 20;
    private static final Runnable NOTHING_TO_PASS_ON = () -> {};

    private final int maxsize;
    /** Tasks waiting in {@code get}, oldest first. Guarded by: the loop thread, as all fields here. */
    private final ParkingLot getters = new ParkingLot(this, "Queue.get");
    /** Tasks waiting in {@code put}, oldest first. */
    private final ParkingLot putters = new ParkingLot(this, "Queue.put");
    /** Tasks waiting in {@code join}. */
    private final ParkingLot joiners = new ParkingLot(this, "Queue.join");
    /** A getter woken for an item, cancelled before it took it: the item goes to the next getter. */
    private final Runnable passItemOn = () -> {
        if (!empty()) {
            getters.unparkOne();
        }
    };
    /** A putter woken for room, cancelled before it used it: the room goes to the next putter. */
    private final Runnable passRoomOn = () -> {
        if (!full()) {
            putters.unparkOne();
        }
    };
    /** Items put and not yet matched by {@code taskDone()}. A long: a busy queue passes 2^31. */
    private long unfinishedTasks;
    private boolean shutdown;

    /**
     * Creates an empty queue.
     *
     * @param maxsize the bound; zero or less for none
     */
    protected BaseQueue(int maxsize) {
        this.maxsize = maxsize;
    }

    // ============================================================ storage, by subclasses

    /** Adds an item; the queue is not full. */
    abstract void store(T item);

    /** Removes the next item; the queue is not empty. */
    abstract T take();

    /** Removes every item; returns how many there were. */
    abstract int clear();

    /** The items in the order {@code get()} would return them. */
    abstract List<T> itemsInGetOrder();

    /** The name shown by {@code toString()} and in messages. */
    @Override
    protected abstract String kind();

    // ============================================================ putting

    @Override
    public final void put(T item) {
        Objects.requireNonNull(item, "item");
        checkLoop();
        if (full()) {
            awaitRoom();
        }
        offer(item);
    }

    /** Parks the calling task until there is room, or raises; asyncio's {@code while self.full()}. */
    private void awaitRoom() {
        Task<?> task = null;
        do {
            if (shutdown) {
                throw shutDown("put");
            }
            if (task == null) {
                task = taskForWait("put");
            }
            putters.park(task, passRoomOn);
        } while (full());
    }

    @Override
    public final void putNowait(T item) {
        Objects.requireNonNull(item, "item");
        checkLoop();
        offer(item);
    }

    private void offer(T item) {
        if (shutdown) {
            throw shutDown("put");
        }
        if (full()) {
            throw new QueueFullException(this + " is full");
        }
        store(item);
        unfinishedTasks++;
        getters.unparkOne();
    }

    // ============================================================ getting

    @Override
    public final T get() {
        checkLoop();
        if (empty()) {
            awaitItem();
        }
        return poll();
    }

    /** Parks the calling task until there is an item, or raises; asyncio's {@code while self.empty()}. */
    private void awaitItem() {
        Task<?> task = null;
        do {
            if (shutdown) {
                throw shutDown("get");
            }
            if (task == null) {
                task = taskForWait("get");
            }
            getters.park(task, passItemOn);
        } while (empty());
    }

    @Override
    public final T getNowait() {
        checkLoop();
        if (empty()) {
            if (shutdown) {
                throw shutDown("get");
            }
            throw new QueueEmptyException(this + " is empty");
        }
        return poll();
    }

    private T poll() {
        T item = take();
        putters.unparkOne();
        return item;
    }

    // ============================================================ join, taskDone, shutdown

    @Override
    public final void join() {
        checkLoop();
        if (unfinishedTasks == 0) {
            return;
        }
        joiners.park(taskForWait("join"), NOTHING_TO_PASS_ON); // every joiner is woken: none owes the others
    }

    @Override
    public final void taskDone() {
        checkLoop();
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("taskDone() called more times than items were put into " + this);
        }
        if (--unfinishedTasks == 0) {
            joiners.unparkAll();
        }
    }

    @Override
    public final void shutdown(boolean immediate) {
        checkLoop();
        shutdown = true;
        if (immediate) {
            int dropped = clear();
            unfinishedTasks = Math.max(0, unfinishedTasks - dropped);
            if (unfinishedTasks == 0) {
                joiners.unparkAll();
            }
        }
        // Every waiter re-checks: getters raise once the queue is empty, putters at once.
        getters.unparkAll();
        putters.unparkAll();
    }

    // ============================================================ state

    @Override
    public final boolean empty() {
        return size() == 0;
    }

    @Override
    public final boolean full() {
        return maxsize > 0 && size() >= maxsize;
    }

    @Override
    public final int maxsize() {
        return maxsize;
    }

    @Override
    public final QueueStatistics statistics() {
        return new QueueStatistics(size(), maxsize, getters.waiting(), putters.waiting(), unfinishedTasks, shutdown);
    }

    @Override
    public final String toString() {
        List<T> items = itemsInGetOrder();
        StringBuilder sb = new StringBuilder("<").append(kind()).append(" maxsize=").append(maxsize).append(" items=[");
        for (int i = 0; i < items.size() && i < SHOWN_ITEMS; i++) {
            sb.append(i == 0 ? "" : ", ").append(items.get(i));
        }
        if (items.size() > SHOWN_ITEMS) {
            sb.append(", ... (").append(items.size() - SHOWN_ITEMS).append(" more)");
        }
        sb.append("] getters=").append(getters.waiting()).append(" putters=").append(putters.waiting())
                .append(" tasks=").append(unfinishedTasks);
        if (shutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }

    // ============================================================ messages

    @Override
    protected final String notInATask(String operation) {
        return kind() + "." + operation + "() has to wait, which suspends the calling task, but it was not called"
                + " from a task; call it in a coroutine started with Aio.run(...) or createTask(...)"
                + (operation.equals("join") ? "" : ", or use the non-waiting " + operation + "Nowait()");
    }

    private QueueShutDownException shutDown(String operation) {
        return new QueueShutDownException(operation + "() on " + this + ", which was shut down");
    }
}
