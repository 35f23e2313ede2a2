package io.aio4j.queue;

import io.aio4j.internal.queue.FifoQueue;

/**
 * A first-in, first-out queue for the tasks of one event loop: asyncio's {@code Queue}, in
 * camelCase. Producers {@link #put} items, consumers {@link #get} them; a bounded queue makes
 * producers wait while it is full, so a slow consumer slows its producers down instead of letting
 * the queue grow without limit.
 * {@snippet :
 * Queue<String> jobs = Queue.create(100); // at most 100 items waiting
 * Task<Void> worker = createTask(() -> {
 *     while (true) {
 *         String job = jobs.get();          // suspends while the queue is empty
 *         try {
 *             System.out.println("working on " + job);
 *         } finally {
 *             jobs.taskDone();
 *         }
 *     }
 * });
 * for (String job : List.of("a", "b", "c")) {
 *     jobs.put(job);                        // suspends while the queue is full
 * }
 * jobs.join();                              // until every job had its taskDone()
 * worker.cancel();
 * }
 *
 * <p>{@link PriorityQueue} returns the smallest item first and {@link LifoQueue} the most recent;
 * both have every method of this interface. Create queues with the static factories
 * ({@link #create()}, {@link #create(int)}, {@link PriorityQueue#create}, {@link LifoQueue#create});
 * aio4j does not expect other implementations.
 *
 * <h2>Waiting, fairness and cancellation</h2>
 * Tasks waiting in {@code get()} are woken one per item put, in the order they started waiting;
 * tasks waiting in {@code put()} one per item taken, in the same way. As in asyncio, a woken task
 * takes its item (or its room) only when it resumes: a task that calls {@code get()} or
 * {@code getNowait()} in between takes the item first, and the woken one waits again, at the back
 * of the line.
 *
 * <p>No item is lost or duplicated when a waiting task is cancelled. A getter cancelled after an
 * item was put for it raises {@link io.aio4j.CancelledError} and leaves the item in the queue,
 * passing its turn to the next getter; a putter cancelled after room appeared raises it without
 * having put its item, and passes the room on. Retrying the cancelled call is always safe.
 *
 * <h2>Shutdown</h2>
 * {@link #shutdown(boolean)} (asyncio 3.13) ends a queue: puts raise
 * {@link QueueShutDownException} at once; gets drain the items left, then raise it too. An
 * immediate shutdown drops the items, counts them as done for {@link #join()}, and wakes every
 * waiting task.
 *
 * <h2>Threads and loops</h2>
 * Loop thread only: use a queue from the tasks and callbacks of one event loop. A queue is bound to
 * the loop that first uses it; using it from another loop, or from another thread while its loop
 * runs, throws an {@link IllegalStateException} that names both. A queue may be created, filled and
 * read (with the non-waiting methods) outside any loop before a loop uses it, and after its loop
 * stopped. To hand items in from other threads, use {@link io.aio4j.EventLoop#callSoonThreadsafe}
 * with {@code putNowait}.
 *
 * <h2>Pitfalls</h2>
 * <ul>
 *   <li>{@code null} items are refused, as in {@code java.util.concurrent}'s queues: wrap optional
 *       values.
 *   <li>{@link #join()} counts {@link #taskDone()} calls, not gets: a consumer that forgets to call
 *       {@code taskDone()} (put it in a {@code finally}) makes {@code join()} wait forever.
 *   <li>{@link #size()}, {@link #empty()} and {@link #full()} describe this moment only; after a
 *       suspension, check again, or just call {@code get()} and {@code put()}.
 * </ul>
 *
 * @param <T> the type of the items
 */
public interface Queue<T> {

    /**
     * Creates an unbounded first-in, first-out queue: asyncio's {@code Queue()}.
     *
     * @param <T> the type of the items
     * @return an empty queue whose {@code put} never waits
     */
    static <T> Queue<T> create() {
        return new FifoQueue<>(0);
    }

    /**
     * Creates a first-in, first-out queue that holds at most {@code maxsize} items: asyncio's
     * {@code Queue(maxsize)}.
     *
     * @param maxsize the most items it holds; zero or less means unbounded
     * @param <T> the type of the items
     * @return an empty queue
     */
    static <T> Queue<T> create(int maxsize) {
        return new FifoQueue<>(maxsize);
    }

    /**
     * Puts an item into the queue, waiting for room while the queue is full: asyncio's
     * {@code put}. Returns at once, without suspending, if there is room; the item then goes to the
     * first task waiting in {@link #get()}, if any.
     *
     * <p>Suspends the calling task while the queue is full. If the task is cancelled while it
     * waits, {@link io.aio4j.CancelledError} is raised and the item was <em>not</em> put; room that
     * had appeared for this task goes to the next waiting putter. Retrying is safe.
     *
     * @param item the item, not {@code null}
     * @throws QueueShutDownException if the queue is shut down, or is shut down while waiting
     * @throws io.aio4j.CancelledError if the calling task is cancelled while waiting
     * @throws IllegalStateException if it must wait and is not called from a task, or the queue
     *     belongs to another loop
     * @throws NullPointerException if {@code item} is {@code null}
     */
    void put(T item);

    /**
     * Removes and returns the next item, waiting for one while the queue is empty: asyncio's
     * {@code get}. Returns at once, without suspending, if an item is there; the room it leaves
     * goes to the first task waiting in {@link #put}, if any.
     *
     * <p>Suspends the calling task while the queue is empty. If the task is cancelled while it
     * waits, {@link io.aio4j.CancelledError} is raised and no item was taken; an item that had
     * been put for this task stays in the queue, for the next getter. Retrying is safe.
     *
     * @return the item
     * @throws QueueShutDownException if the queue is shut down and empty (at once, or while
     *     waiting)
     * @throws io.aio4j.CancelledError if the calling task is cancelled while waiting
     * @throws IllegalStateException if it must wait and is not called from a task, or the queue
     *     belongs to another loop
     */
    T get();

    /**
     * Puts an item into the queue without waiting: asyncio's {@code put_nowait}. Wakes the first
     * task waiting in {@link #get()}, if any. Callable from callbacks.
     *
     * @param item the item, not {@code null}
     * @throws QueueFullException if a bounded queue is full
     * @throws QueueShutDownException if the queue is shut down
     * @throws IllegalStateException if the queue belongs to another loop
     * @throws NullPointerException if {@code item} is {@code null}
     */
    void putNowait(T item);

    /**
     * Removes and returns the next item without waiting: asyncio's {@code get_nowait}. Wakes the
     * first task waiting in {@link #put}, if any. Callable from callbacks.
     *
     * @return the item
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is empty and shut down
     * @throws IllegalStateException if the queue belongs to another loop
     */
    T getNowait();

    /**
     * Returns how many items the queue holds: asyncio's {@code qsize}.
     *
     * @return the number of items
     */
    int size();

    /**
     * Returns the most items the queue holds, as given at creation.
     *
     * @return the bound; zero or less for an unbounded queue
     */
    int maxsize();

    /**
     * Tells whether the queue holds no item.
     *
     * @return {@code true} if {@link #getNowait()} would throw
     */
    boolean empty();

    /**
     * Tells whether a bounded queue holds {@link #maxsize()} items. An unbounded queue is never
     * full.
     *
     * @return {@code true} if {@link #putNowait} would throw {@link QueueFullException}
     */
    boolean full();

    /**
     * Waits until every item put has been processed: asyncio's {@code join}. The count of
     * unfinished items goes up with each put and down with each {@link #taskDone()}; this returns
     * when it reaches zero, and at once if it is zero already (for instance on a new queue).
     *
     * <p>Suspends the calling task while items are unfinished. Cancelling it leaves the queue as
     * it was. Items put after the count reached zero, but before this task resumed, do not make it
     * wait again.
     *
     * @throws io.aio4j.CancelledError if the calling task is cancelled while waiting
     * @throws IllegalStateException if it must wait and is not called from a task, or the queue
     *     belongs to another loop
     */
    void join();

    /**
     * Tells the queue that an item taken earlier has been processed: asyncio's
     * {@code task_done}. When every item put has had its call, the tasks waiting in
     * {@link #join()} wake up.
     *
     * @throws IllegalStateException if called more times than items were put (asyncio's
     *     {@code ValueError}); the count is left unchanged
     */
    void taskDone();

    /**
     * Shuts the queue down, keeping its items for the getters: {@code shutdown(false)}.
     */
    default void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: asyncio 3.13's {@code shutdown}. From now on {@code put} and
     * {@code putNowait} raise {@link QueueShutDownException}, and so do tasks waiting in
     * {@code put}, which are woken. {@code get} and {@code getNowait} still return the items left;
     * once the queue is empty they raise it too, and so do tasks waiting in {@code get}.
     *
     * <p>With {@code immediate}, the items left are dropped, each counted as done, so that
     * {@link #join()} returns once the items taken earlier had their {@link #taskDone()}; every
     * waiting getter raises {@link QueueShutDownException} at once. Idempotent; a second call may
     * still make the shutdown immediate.
     *
     * @param immediate whether to drop the items left
     * @throws IllegalStateException if the queue belongs to another loop
     */
    void shutdown(boolean immediate);

    /**
     * Returns a snapshot of the queue's state, for monitoring and tests.
     *
     * @return the numbers
     */
    QueueStatistics statistics();

    /**
     * Describes the queue like asyncio's repr: its kind, bound, items in the order {@code get()}
     * would return them (the first 20), the numbers of waiting getters and putters, the unfinished
     * count, and whether it is shut down, e.g.
     * {@code <Queue maxsize=2 items=[1, 2] getters=0 putters=1 tasks=2>}.
     *
     * @return the description
     */
    @Override
    String toString();
}
