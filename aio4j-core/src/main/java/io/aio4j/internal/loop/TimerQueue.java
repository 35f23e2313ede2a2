package io.aio4j.internal.loop;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The loop's timers: a binary min-heap on {@code (when, seq)} with lazy cancellation. Loop thread
 * only, except {@link #cancelledOne()}, which counts with an atomic-free approximation (the count
 * only decides when pruning is worth it).
 */
final class TimerQueue {
    /** Prune only when at least this many cancelled timers sit in the heap (asyncio uses 100). */
    private static final int MIN_CANCELLED_TO_PRUNE = 100;

    private TimerHandleImpl[] heap = new TimerHandleImpl[64];
    private int size;
    /** Cancelled timers still in the heap; approximate when cancelled from other threads. */
    private volatile int cancelled;
    private long nextSeq;

    TimerHandleImpl add(long when, Runnable callback, StackTraceElement[] createdAt) {
        TimerHandleImpl t = new TimerHandleImpl(when, nextSeq++, callback, createdAt, this);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, t);
        return t;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Deadline of the earliest timer, cancelled or not, or {@link LoopClock#NO_DEADLINE}. */
    long nextDeadline() {
        return size == 0 ? LoopClock.NO_DEADLINE : heap[0].when;
    }

    /** Removes and returns the earliest timer if it is due at {@code now}, else {@code null}. */
    TimerHandleImpl pollDue(long now) {
        if (size == 0 || heap[0].when > now) {
            return null;
        }
        TimerHandleImpl top = heap[0];
        removeTop();
        if (top.cancelled()) {
            cancelled--;
        }
        return top;
    }

    void cancelledOne() {
        cancelled++;
    }

    /**
     * Drops cancelled timers when they are more than half of the heap and at least
     * {@value #MIN_CANCELLED_TO_PRUNE}: heap order costs O(n) to rebuild, so only a large
     * share of dead entries pays for it (asyncio's rule).
     */
    void pruneIfWorthIt() {
        int dead = cancelled;
        if (dead < MIN_CANCELLED_TO_PRUNE || dead * 2 <= size) {
            return;
        }
        int live = 0;
        for (int i = 0; i < size; i++) {
            if (!heap[i].cancelled()) {
                heap[live++] = heap[i];
            }
        }
        Arrays.fill(heap, live, size, null);
        size = live;
        cancelled = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i]);
        }
    }

    /** Removes every timer and returns them (for close). */
    ArrayList<TimerHandleImpl> clear() {
        ArrayList<TimerHandleImpl> all = new ArrayList<>(Arrays.asList(heap).subList(0, size));
        Arrays.fill(heap, 0, size, null);
        size = 0;
        cancelled = 0;
        return all;
    }

    private void removeTop() {
        TimerHandleImpl last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0, last);
        }
    }

    private void siftUp(int i, TimerHandleImpl t) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            TimerHandleImpl p = heap[parent];
            if (t.compareTo(p) >= 0) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = t;
    }

    private void siftDown(int i, TimerHandleImpl t) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            TimerHandleImpl c = heap[child];
            int right = child + 1;
            if (right < size && c.compareTo(heap[right]) > 0) {
                c = heap[child = right];
            }
            if (t.compareTo(c) <= 0) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = t;
    }
}
