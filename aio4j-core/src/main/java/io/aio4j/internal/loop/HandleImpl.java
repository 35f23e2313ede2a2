package io.aio4j.internal.loop;

import io.aio4j.Handle;
import java.util.List;

/**
 * A scheduled callback, as it sits in the ready queue. Created on any thread; run on the loop
 * thread only; {@link #cancel()} is thread-safe (a volatile flag read just before running).
 */
public class HandleImpl implements Handle, Runnable {
    final Runnable callback;
    /** Written by any thread, read by the loop before it runs the callback. */
    private volatile boolean cancelled;
    /** Where the handle was created, in debug mode; else {@code null}. */
    final StackTraceElement[] createdAt;

    HandleImpl(Runnable callback, StackTraceElement[] createdAt) {
        this.callback = callback;
        this.createdAt = createdAt;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** Runs the callback unless cancelled; exceptions propagate to the loop, which reports them. */
    @Override
    public void run() {
        if (!cancelled) {
            callback.run();
        }
    }

    List<StackTraceElement> sourceTraceback() {
        return createdAt == null ? null : List.of(createdAt);
    }

    @Override
    public String toString() {
        return "<Handle " + (cancelled ? "cancelled " : "") + callback + ">";
    }
}
