package io.aio4j.queue;

import io.aio4j.internal.queue.LifoQueueImpl;

/**
 * A {@link Queue} that returns the item put last first, a stack: asyncio's {@code LifoQueue}.
 * Every method, the waiting, cancellation and shutdown rules are those of {@link Queue}; only the
 * order in which {@link #get()} returns the items differs. Tasks waiting in {@code get()} are still
 * served first come, first served.
 * {@snippet :
 * LifoQueue<Integer> stack = LifoQueue.create();
 * stack.putNowait(1);
 * stack.putNowait(2);
 * stack.getNowait(); // 2
 * }
 *
 * @param <T> the type of the items
 */
public interface LifoQueue<T> extends Queue<T> {

    /**
     * Creates an unbounded last-in, first-out queue.
     *
     * @param <T> the type of the items
     * @return an empty queue
     */
    static <T> LifoQueue<T> create() {
        return new LifoQueueImpl<>(0);
    }

    /**
     * Creates a last-in, first-out queue that holds at most {@code maxsize} items.
     *
     * @param maxsize the most items it holds; zero or less means unbounded
     * @param <T> the type of the items
     * @return an empty queue
     */
    static <T> LifoQueue<T> create(int maxsize) {
        return new LifoQueueImpl<>(maxsize);
    }

    /**
     * Removes and returns the item put last, waiting for one while the queue is empty. See
     * {@link Queue#get()}.
     *
     * <p>Suspends the calling task while the queue is empty. If the task is cancelled while it
     * waits, {@link io.aio4j.CancelledError} is raised and no item was taken.
     *
     * @return the newest item
     */
    @Override
    T get();

    /**
     * Removes and returns the item put last without waiting. See {@link Queue#getNowait()}.
     *
     * @return the newest item
     */
    @Override
    T getNowait();
}
