package io.aio4j.internal.queue;

import io.aio4j.queue.PriorityQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * asyncio's {@code PriorityQueue}: a binary min-heap ordered by the comparator, then by insertion
 * sequence, so equal items come out first in, first out. Items and their sequence numbers live in
 * two parallel arrays: no wrapper object per item. Loop thread only.
 *
 * @param <T> the item type
 */
public final class PriorityQueueImpl<T> extends BaseQueue<T> implements PriorityQueue<T> {
    private final Comparator<? super T> comparator;
    /** The heap; guarded by the loop, like every field below. */
    private Object[] heap = new Object[16];
    /** {@code seqs[i]} is the insertion number of {@code heap[i]}. */
    private long[] seqs = new long[16];
    private int size;
    private long nextSeq;

    /**
     * Creates an empty queue.
     *
     * @param maxsize the bound; zero or less for none
     * @param comparator the order, smallest first
     */
    public PriorityQueueImpl(int maxsize, Comparator<? super T> comparator) {
        super(maxsize);
        this.comparator = Objects.requireNonNull(comparator, "comparator");
    }

    // Both sifts find the item's place first, comparing only, then move the path without
    // comparing: a comparator that throws leaves every item in the heap exactly once.

    @Override
    void store(T item) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        long seq = nextSeq;
        int at = size;
        while (at > 0 && less(item, seq, (at - 1) >>> 1)) {
            at = (at - 1) >>> 1;
        }
        for (int j = size; j != at; j = (j - 1) >>> 1) { // shift the path down one level
            int parent = (j - 1) >>> 1;
            heap[j] = heap[parent];
            seqs[j] = seqs[parent];
        }
        heap[at] = item;
        seqs[at] = seq;
        nextSeq++;
        size++;
    }

    @Override
    T take() {
        int last = size - 1;
        @SuppressWarnings("unchecked")
        T moved = (T) heap[last];
        long movedSeq = seqs[last];
        int at = 0;
        int half = last >>> 1; // nodes below have no child among the first `last` slots
        while (at < half) {
            int child = 2 * at + 1;
            if (child + 1 < last && lessAt(child + 1, child)) {
                child++;
            }
            @SuppressWarnings("unchecked")
            T c = (T) heap[child];
            if (!less(c, seqs[child], moved, movedSeq)) {
                break;
            }
            at = child;
        }
        // Move each value on the path from the root to `at` up one level; `moved` fills `at`.
        Object carry = moved;
        long carrySeq = movedSeq;
        for (int x = at; ; x = (x - 1) >>> 1) {
            Object old = heap[x];
            long oldSeq = seqs[x];
            heap[x] = carry;
            seqs[x] = carrySeq;
            carry = old;
            carrySeq = oldSeq;
            if (x == 0) {
                break;
            }
        }
        heap[last] = null;
        size = last;
        @SuppressWarnings("unchecked")
        T top = (T) carry;
        return top;
    }

    @SuppressWarnings("unchecked")
    private boolean less(T item, long seq, int at) {
        return less(item, seq, (T) heap[at], seqs[at]);
    }

    @SuppressWarnings("unchecked")
    private boolean lessAt(int a, int b) {
        return less((T) heap[a], seqs[a], (T) heap[b], seqs[b]);
    }

    private boolean less(T a, long seqA, T b, long seqB) {
        int c = comparator.compare(a, b);
        return c < 0 || (c == 0 && seqA < seqB);
    }

    @Override
    int clear() {
        int n = size;
        Arrays.fill(heap, 0, size, null);
        size = 0;
        return n;
    }

    @Override
    @SuppressWarnings("unchecked")
    List<T> itemsInGetOrder() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> lessAt(a, b) ? -1 : lessAt(b, a) ? 1 : 0);
        List<T> list = new ArrayList<>(size);
        for (Integer i : order) {
            list.add((T) heap[i]);
        }
        return list;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    protected String kind() {
        return "PriorityQueue";
    }
}
