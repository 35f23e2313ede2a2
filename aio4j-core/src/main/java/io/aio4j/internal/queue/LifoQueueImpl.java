package io.aio4j.internal.queue;

import io.aio4j.queue.LifoQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's {@code LifoQueue}: a stack on an {@link ArrayDeque}. Loop thread only.
 *
 * @param <T> the item type
 */
public final class LifoQueueImpl<T> extends BaseQueue<T> implements LifoQueue<T> {
    /** The top of the stack is the last element. Guarded by the loop (loop thread only). */
    private final ArrayDeque<T> items = new ArrayDeque<>();

    /**
     * Creates an empty queue.
     *
     * @param maxsize the bound; zero or less for none
     */
    public LifoQueueImpl(int maxsize) {
        super(maxsize);
    }

    @Override
    void store(T item) {
        items.addLast(item);
    }

    @Override
    T take() {
        return items.pollLast();
    }

    @Override
    int clear() {
        int n = items.size();
        items.clear();
        return n;
    }

    @Override
    List<T> itemsInGetOrder() {
        List<T> list = new ArrayList<>(items.size());
        items.descendingIterator().forEachRemaining(list::add);
        return list;
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected String kind() {
        return "LifoQueue";
    }
}
