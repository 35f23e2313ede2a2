package io.aio4j.internal.queue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.queue.Queue;
import io.aio4j.queue.QueueEmptyException;
import io.aio4j.queue.QueueFullException;
import io.aio4j.queue.QueueShutDownException;
import io.aio4j.queue.QueueStatistics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * asyncio's {@code Queue} logic (CPython {@code asyncio/queues.py}, 3.13), with the storage left to
 * subclasses. Loop thread (or its tasks) only; a plain thread may use it while its loop is not
 * running.
 *
 * <p>Waiters are futures in FIFO deques. Putting an item completes the first live getter's future
 * (and taking one, the first putter's) but does not hand the item over: the woken task takes it
 * when it resumes, as in asyncio. That is what makes cancellation lose nothing: a task cancelled
 * after its wake-up never took the item (or the room), so it only passes its turn on to the next
 * waiter. The fast paths (an item or room already there) allocate nothing.
 *
 * @param <T> the item type
 */
public abstract class BaseQueue<T> implements Queue<T> {
    /** Items shown by {@code toString()} before it abbreviates. */
    private static final int SHOWN_ITEMS = 20;

    private final int maxsize;
    /** Tasks waiting in {@code get}, oldest first; may hold futures already cancelled. */
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    /** Tasks waiting in {@code put}, oldest first; may hold futures already cancelled. */
    private final ArrayDeque<Future<Void>> putters = new ArrayDeque<>();
    /** Tasks waiting in {@code join}, or {@code null} when none ever waited. */
    private List<Future<Void>> joiners;
    /** Items put and not yet matched by {@code taskDone()}. A long: a busy queue passes 2^31. */
    private long unfinishedTasks;
    private boolean shutdown;
    /** The loop of the first use from a loop, or {@code null}; never changes once set. */
    private SelectorLoop loop;

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

    /** The name shown by {@code toString()}. */
    abstract String kind();

    // ============================================================ putting

    @Override
    public final void put(T item) {
        Objects.requireNonNull(item, "item");
        checkLoop();
        while (full()) {
            if (shutdown) {
                throw shutDown("put");
            }
            Future<Void> putter = newWaiter("put");
            putters.addLast(putter);
            try {
                Aio.await(putter);
            } catch (Throwable e) {
                putter.cancel(); // in case it is not done yet
                putters.remove(putter); // a wake-up or shutdown may have removed it already
                if (!full() && !putter.cancelled()) {
                    wakeupNext(putters); // woken for room we will not use: pass it on
                }
                throw e;
            }
        }
        offer(item);
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
        wakeupNext(getters);
    }

    // ============================================================ getting

    @Override
    public final T get() {
        checkLoop();
        while (empty()) {
            if (shutdown) {
                throw shutDown("get");
            }
            Future<Void> getter = newWaiter("get");
            getters.addLast(getter);
            try {
                Aio.await(getter);
            } catch (Throwable e) {
                getter.cancel(); // in case it is not done yet
                getters.remove(getter); // a wake-up or shutdown may have removed it already
                if (!empty() && !getter.cancelled()) {
                    wakeupNext(getters); // woken for an item we will not take: pass it on
                }
                throw e;
            }
        }
        return poll();
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
        wakeupNext(putters);
        return item;
    }

    // ============================================================ join, taskDone, shutdown

    @Override
    public final void join() {
        checkLoop();
        if (unfinishedTasks == 0) {
            return;
        }
        Future<Void> joiner = newWaiter("join");
        if (joiners == null) {
            joiners = new ArrayList<>();
        }
        joiners.add(joiner);
        try {
            Aio.await(joiner);
        } catch (Throwable e) {
            joiner.cancel();
            joiners.remove(joiner);
            throw e;
        }
    }

    @Override
    public final void taskDone() {
        checkLoop();
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("taskDone() called more times than items were put into " + this);
        }
        if (--unfinishedTasks == 0) {
            wakeJoiners();
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
                wakeJoiners();
            }
        }
        // Every waiter re-checks: getters raise once the queue is empty, putters at once.
        wakeAll(getters);
        wakeAll(putters);
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
        return new QueueStatistics(size(), maxsize, live(getters), live(putters), unfinishedTasks, shutdown);
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
        sb.append("] getters=").append(live(getters)).append(" putters=").append(live(putters))
                .append(" tasks=").append(unfinishedTasks);
        if (shutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }

    // ============================================================ waiters

    /** Completes the first waiter not already done (cancelled): asyncio's {@code _wakeup_next}. */
    private static void wakeupNext(ArrayDeque<Future<Void>> waiters) {
        Future<Void> w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.trySetResult(null)) {
                return;
            }
        }
    }

    private static void wakeAll(ArrayDeque<Future<Void>> waiters) {
        Future<Void> w;
        while ((w = waiters.pollFirst()) != null) {
            w.trySetResult(null);
        }
    }

    private void wakeJoiners() {
        if (joiners != null && !joiners.isEmpty()) {
            for (Future<Void> j : joiners) {
                j.trySetResult(null);
            }
            joiners.clear();
        }
    }

    private static int live(ArrayDeque<Future<Void>> waiters) {
        int n = 0;
        for (Future<Void> w : waiters) {
            if (!w.done()) {
                n++;
            }
        }
        return n;
    }

    /** A future for the calling task to wait on; the loop check has passed. */
    private Future<Void> newWaiter(String operation) {
        Task<?> task = Aio.currentTask();
        if (task == null) {
            throw new IllegalStateException(kind() + "." + operation + "() has to wait, which suspends the calling task,"
                    + " but it was not called from a task; call it in a coroutine started with Aio.run(...) or"
                    + " createTask(...), or use the non-waiting " + operation + "Nowait()");
        }
        return task.loop().createFuture();
    }

    private QueueShutDownException shutDown(String operation) {
        return new QueueShutDownException(operation + "() on " + this + ", which was shut down");
    }

    // ============================================================ loop binding

    /**
     * Binds the queue to the caller's loop on first use, and refuses callers of another loop, or
     * of another thread while the bound loop runs. The fast path is one check that the caller runs
     * on the bound loop.
     */
    private void checkLoop() {
        SelectorLoop bound = loop;
        if (bound == null || !bound.inLoopThread()) {
            bindOrRefuse();
        }
    }

    private void bindOrRefuse() {
        EventLoop caller = callerLoop();
        SelectorLoop bound = loop;
        if (caller == null) {
            if (bound != null && bound.isRunning()) {
                throw new IllegalStateException(this + " belongs to event loop '" + bound.name() + "', which is running,"
                        + " but was used from " + Thread.currentThread() + ", which is neither that loop's thread nor"
                        + " one of its tasks; use callSoonThreadsafe(...) to hand work to the loop");
            }
            return; // a plain thread while no loop uses the queue: preparing it, or reading it afterwards
        }
        if (bound == null) {
            loop = (SelectorLoop) caller;
        } else if (bound != caller) {
            throw new IllegalStateException(this + " is bound to event loop '" + bound.name() + "', where it was first"
                    + " used, but was used from event loop '" + caller.name() + "'; a queue serves the tasks of one loop");
        }
    }

    /** The loop whose task or thread the caller is, or {@code null}. */
    private static EventLoop callerLoop() {
        Task<?> task = Aio.currentTask();
        if (task != null) {
            return task.loop();
        }
        SelectorLoop running = SelectorLoop.runningInThisThread();
        return running != null && running.owner() == Thread.currentThread() ? running : null;
    }
}
