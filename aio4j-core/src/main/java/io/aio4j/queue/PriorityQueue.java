package io.aio4j.queue;

import io.aio4j.internal.queue.PriorityQueueImpl;
import java.util.Comparator;

/**
 * A {@link Queue} that returns its smallest item first: asyncio's {@code PriorityQueue}. Every
 * method, the waiting, cancellation and shutdown rules are those of {@link Queue}; only the order
 * in which {@link #get()} returns the items differs.
 *
 * <p>Items that compare equal come out in the order they were put. (asyncio's heap gives no such
 * promise, which is why Python code puts {@code (priority, sequence, item)} tuples; here
 * {@code record Job(int priority, String name)} with a comparator on {@code priority} is enough.)
 * {@snippet :
 * record Job(int priority, String name) {}
 * PriorityQueue<Job> jobs = PriorityQueue.create(Comparator.comparingInt(Job::priority));
 * jobs.putNowait(new Job(2, "later"));
 * jobs.putNowait(new Job(1, "first"));
 * jobs.getNowait(); // Job[priority=1, name=first]
 * }
 *
 * <p>A comparator that throws makes the {@code put} or {@code get} that called it throw, and leaves
 * the queue as it was: the item was not put, or not taken.
 *
 * @param <T> the type of the items
 */
public interface PriorityQueue<T> extends Queue<T> {

    /**
     * Creates an unbounded priority queue in the items' natural order.
     *
     * @param <T> the type of the items
     * @return an empty queue
     */
    static <T extends Comparable<? super T>> PriorityQueue<T> create() {
        return new PriorityQueueImpl<>(0, Comparator.naturalOrder());
    }

    /**
     * Creates a priority queue in the items' natural order that holds at most {@code maxsize}
     * items.
     *
     * @param maxsize the most items it holds; zero or less means unbounded
     * @param <T> the type of the items
     * @return an empty queue
     */
    static <T extends Comparable<? super T>> PriorityQueue<T> create(int maxsize) {
        return new PriorityQueueImpl<>(maxsize, Comparator.naturalOrder());
    }

    /**
     * Creates an unbounded priority queue ordered by {@code comparator}, smallest first.
     *
     * @param comparator the order
     * @param <T> the type of the items
     * @return an empty queue
     */
    static <T> PriorityQueue<T> create(Comparator<? super T> comparator) {
        return new PriorityQueueImpl<>(0, comparator);
    }

    /**
     * Creates a priority queue ordered by {@code comparator}, smallest first, that holds at most
     * {@code maxsize} items.
     *
     * @param maxsize the most items it holds; zero or less means unbounded
     * @param comparator the order
     * @param <T> the type of the items
     * @return an empty queue
     */
    static <T> PriorityQueue<T> create(int maxsize, Comparator<? super T> comparator) {
        return new PriorityQueueImpl<>(maxsize, comparator);
    }

    /**
     * Removes and returns the smallest item, waiting for one while the queue is empty. See
     * {@link Queue#get()}.
     *
     * <p>Suspends the calling task while the queue is empty. If the task is cancelled while it
     * waits, {@link io.aio4j.CancelledError} is raised and no item was taken.
     *
     * @return the smallest item
     */
    @Override
    T get();

    /**
     * Removes and returns the smallest item without waiting. See {@link Queue#getNowait()}.
     *
     * @return the smallest item
     */
    @Override
    T getNowait();
}
