package io.aio4j.internal.loop;

import io.aio4j.TimerHandle;

/**
 * A callback with a deadline, as it sits in the timer heap. Ordered by {@code (when, seq)}, so
 * timers with equal deadlines run in the order they were scheduled. Cancellation is lazy: a
 * cancelled timer stays in the heap until it is due or the heap is pruned.
 */
final class TimerHandleImpl extends HandleImpl implements TimerHandle, Comparable<TimerHandleImpl> {
    final long when;
    final long seq;
    /** The queue that holds this timer, told of cancellations so it can prune. Loop thread only. */
    private final TimerQueue queue;

    TimerHandleImpl(long when, long seq, Runnable callback, StackTraceElement[] createdAt, TimerQueue queue) {
        super(callback, createdAt);
        this.when = when;
        this.seq = seq;
        this.queue = queue;
    }

    @Override
    public long when() {
        return when;
    }

    @Override
    public void cancel() {
        if (!cancelled()) {
            super.cancel();
            queue.cancelledOne();
        }
    }

    @Override
    public int compareTo(TimerHandleImpl o) {
        int c = Long.compare(when, o.when);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }

    @Override
    public String toString() {
        return "<TimerHandle when=" + when + (cancelled() ? " cancelled " : " ") + callback + ">";
    }
}
