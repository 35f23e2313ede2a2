package io.aio4j.internal.task;

import io.aio4j.DeadlineExceededException;
import io.aio4j.Future;
import io.aio4j.TimerHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * asyncio's {@code as_completed}: yields the futures in the order they complete. Each
 * {@link #next()} suspends the calling task until one more is done. Loop thread only.
 *
 * @param <T> the result type
 */
final class AsCompletedIterator<T> implements Iterator<Future<T>> {
    private final TaskLoop loop;
    private final ArrayDeque<Future<T>> completed = new ArrayDeque<>();
    private int remaining;
    private FutureImpl<Void> waiter;
    private final TimerHandle timer;
    private boolean timedOut;

    AsCompletedIterator(TaskLoop loop, List<FutureImpl<T>> futures, Duration timeout) {
        this.loop = loop;
        this.remaining = futures.size();
        for (FutureImpl<T> f : futures) {
            f.addDoneCallback(this::onDone);
        }
        this.timer = timeout == null ? null : loop.callLater(timeout, this::onTimeout);
    }

    private void onDone(Future<T> f) {
        if (timedOut) {
            return;
        }
        completed.addLast(f);
        wake();
    }

    private void onTimeout() {
        timedOut = true;
        wake();
    }

    private void wake() {
        if (waiter != null) {
            waiter.trySetResult(null);
        }
    }

    @Override
    public boolean hasNext() {
        return remaining > 0;
    }

    /**
     * Suspends the calling task until one more future is done, and returns it (done).
     *
     * @throws DeadlineExceededException if the timeout passed first
     * @throws NoSuchElementException if every future was returned already
     */
    @Override
    public Future<T> next() {
        if (remaining == 0) {
            throw new NoSuchElementException("every future was returned already");
        }
        TaskImpl<?> task = Coroutines.requireTask("asCompleted().next()");
        while (completed.isEmpty() && !timedOut) {
            waiter = new FutureImpl<>(loop);
            try {
                task.await(waiter);
                waiter.result(); // raises the CancelledError if the calling task was cancelled
            } finally {
                waiter = null;
            }
        }
        if (completed.isEmpty()) {
            throw new DeadlineExceededException("asCompleted timed out with " + remaining + " futures not done", null);
        }
        remaining--;
        if (remaining == 0 && timer != null) {
            timer.cancel();
        }
        return completed.pollFirst();
    }
}
