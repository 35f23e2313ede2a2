package io.aio4j.http.internal;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;

/**
 * Loop thread only. Where one task waits for "something changed" on a connection (bytes came, the
 * write buffer drained) and the protocol's callbacks wake it. A wake-up with no task waiting is
 * not kept: the task looks at the state it waits on before it parks, so none is lost.
 */
public final class Wakeup {
    private final EventLoop loop;
    /** What the waiting task waits on; null when none waits. */
    private Future<Void> waiter;

    /**
     * Creates the wake-up point.
     *
     * @param loop the loop the waiting task runs on
     */
    public Wakeup(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Waits for the next {@link #wake()}. Suspends the calling task. The caller checks its
     * condition again after it returns.
     */
    public void park() {
        Future<Void> w = loop.createFuture();
        waiter = w;
        try {
            Aio.await(w);
        } finally {
            waiter = null;
        }
    }

    /** Wakes the waiting task, if any. */
    public void wake() {
        Future<Void> w = waiter;
        if (w != null && !w.done()) {
            w.setResult(null);
        }
    }
}
