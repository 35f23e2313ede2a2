package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.internal.task.FutureImpl;
import java.util.ArrayDeque;

/**
 * Loop thread only. The tasks waiting in {@code drain()} for a transport's write buffer to fall to
 * its low water mark: asyncio's {@code FlowControlMixin._drain_waiters}. Every waiter wakes at
 * once, on {@code resumeWriting} or when the connection is lost; each then looks at the state it
 * waits on.
 */
public final class DrainWaiters {
    private final EventLoop loop;
    private final ArrayDeque<Future<Void>> waiters = new ArrayDeque<>(1);

    /**
     * Creates the set for a loop.
     *
     * @param loop the loop the waiting tasks run on
     */
    public DrainWaiters(EventLoop loop) {
        this.loop = loop;
    }

    /** Waits for the next {@link #wakeAll()}. Suspends the calling task. */
    public void await() {
        Future<Void> w = FutureImpl.label(loop.createFuture(), "drain (the peer reads slower than we write)");
        waiters.addLast(w);
        try {
            Aio.await(w);
        } finally {
            waiters.remove(w);
        }
    }

    /** Wakes every waiting task. */
    public void wakeAll() {
        Future<Void> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }
}
