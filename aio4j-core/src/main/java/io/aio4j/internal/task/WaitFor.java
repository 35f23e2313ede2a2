package io.aio4j.internal.task;

import io.aio4j.CancelledError;
import io.aio4j.DeadlineExceededException;
import io.aio4j.Future;
import io.aio4j.TimerHandle;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * asyncio's {@code wait_for} (CPython 3.11's, which keeps {@code wait_for} itself cancellable even
 * when the inner task resists cancellation). Loop thread only; needs a task.
 */
public final class WaitFor {
    private WaitFor() {}

    /**
     * Waits for {@code fut} at most {@code timeout}; on timeout cancels it, waits until it is done,
     * and raises {@link DeadlineExceededException} unless it finished anyway.
     *
     * @param fut the future or task
     * @param timeout the timeout, or {@code null} for none
     * @param <T> the result type
     * @return the result
     */
    public static <T> T waitFor(Future<T> fut, Duration timeout) {
        TaskImpl<?> task = Coroutines.requireTask("Aio.waitFor()");
        FutureImpl<T> f = Combinators.own(task.loop, fut);
        if (timeout == null) {
            return Coroutines.await(f);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            if (f.done()) {
                return f.result();
            }
            cancelAndWait(task, f);
            return resultOrTimeout(f);
        }
        FutureImpl<Void> waiter = new FutureImpl<>(task.loop);
        Consumer<Future<T>> release = x -> waiter.trySetResult(null);
        TimerHandle timer = task.loop.callLater(timeout, () -> waiter.trySetResult(null));
        f.addDoneCallback(release);
        try {
            try {
                task.await(waiter);
                waiter.result();
            } catch (CancelledError e) {
                if (f.done()) {
                    return f.result();
                }
                f.removeDoneCallback(release);
                cancelAndWait(task, f); // the inner task must not run on after waitFor returns
                throw e;
            }
            if (f.done()) {
                return f.result();
            }
            f.removeDoneCallback(release);
            cancelAndWait(task, f);
            return resultOrTimeout(f);
        } finally {
            timer.cancel();
        }
    }

    private static <T> T resultOrTimeout(FutureImpl<T> f) {
        try {
            return f.result(); // it may have swallowed the cancellation, or failed while cancelled
        } catch (CancelledError e) {
            throw new DeadlineExceededException("waitFor timed out", e);
        }
    }

    /** Cancels {@code f} and suspends until it is done, whatever its outcome. */
    static void cancelAndWait(TaskImpl<?> task, FutureImpl<?> f) {
        FutureImpl<Void> waiter = new FutureImpl<>(task.loop);
        Consumer<Future<Object>> release = x -> waiter.trySetResult(null);
        @SuppressWarnings("unchecked")
        FutureImpl<Object> fo = (FutureImpl<Object>) f;
        fo.addDoneCallback(release);
        try {
            fo.cancel(null);
            task.await(waiter);
            waiter.result();
        } finally {
            fo.removeDoneCallback(release);
        }
    }
}
