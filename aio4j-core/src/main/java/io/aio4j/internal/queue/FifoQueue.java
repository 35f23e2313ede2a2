package io.aio4j.internal.queue;

import java.util.ArrayDeque;
import java.util.List;

/**
 * asyncio's {@code Queue}: first in, first out, on an {@link ArrayDeque}. Loop thread only.
 *
 * @param <T> the item type
 */
public final class FifoQueue<T> extends BaseQueue<T> {
    /** Guarded by the loop (loop thread only). */
    private final ArrayDeque<T> items = new ArrayDeque<>();

    /**
     * Creates an empty queue.
     *
     * @param maxsize the bound; zero or less for none
     */
    public FifoQueue(int maxsize) {
        super(maxsize);
    }

    @Override
    void store(T item) {
        items.addLast(item);
    }

    @Override
    T take() {
        return items.pollFirst();
    }

    @Override
    int clear() {
        int n = items.size();
        items.clear();
        return n;
    }

    @Override
    List<T> itemsInGetOrder() {
        return List.copyOf(items);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected String kind() {
        return "Queue";
    }
}
