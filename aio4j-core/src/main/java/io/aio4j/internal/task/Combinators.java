package io.aio4j.internal.task;

import io.aio4j.Future;
import io.aio4j.ReturnWhen;
import io.aio4j.TimerHandle;
import io.aio4j.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * gather, wait, shield: asyncio's combinators (CPython {@code tasks.py}), on futures of the
 * calling task's loop. Loop thread only; the suspending ones need a task.
 */
public final class Combinators {
    private Combinators() {}

    /** Checks that {@code f} is an aio4j future of {@code loop}. */
    @SuppressWarnings("unchecked")
    static <T> FutureImpl<T> own(TaskLoop loop, Future<T> f) {
        if (!(f instanceof FutureImpl<?> fi)) {
            throw new IllegalArgumentException("not an aio4j future: " + f + "; wrap other futures with Aio.wrapFuture(...)");
        }
        if (fi.loop != loop) {
            throw new IllegalArgumentException("Future " + f + " belongs to event loop '" + fi.loop.name()
                    + "', not to '" + loop.name() + "'");
        }
        return (FutureImpl<T>) fi;
    }

    /** The loop of the calling code: its task's, or the loop whose thread this is. */
    private static TaskLoop loop() {
        return (TaskLoop) Coroutines.runningLoop();
    }

    /**
     * A future of all the futures' results, in argument order.
     *
     * @param futures the children
     * @param returnExceptions whether failures become values instead of failing the gather
     * @param <T> the children's result type
     * @return the gathering future
     */
    public static <T> Future<List<T>> gathering(List<? extends Future<? extends T>> futures, boolean returnExceptions) {
        return new GatheringFuture<>(loop(), futures, returnExceptions);
    }

    /**
     * Suspends until the futures are done as {@code returnWhen} says, or the timeout passes.
     *
     * @param futures the futures
     * @param returnWhen when to return
     * @param timeout how long at most, or {@code null}
     * @param <T> the result type
     * @return the done and pending futures
     */
    public static <T> WaitResult<T> await(List<? extends Future<T>> futures, ReturnWhen returnWhen, Duration timeout) {
        TaskImpl<?> task = Coroutines.requireTask("Aio.wait()");
        TaskLoop loop = task.loop;
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Aio.wait() needs at least one future");
        }
        Set<Future<T>> all = new LinkedHashSet<>();
        for (Future<T> f : futures) {
            all.add(own(loop, f));
        }
        if (!isSatisfied(all, returnWhen)) {
            FutureImpl<Void> waiter = new FutureImpl<>(loop);
            TimerHandle timer = timeout == null ? null : loop.callLater(timeout, () -> waiter.trySetResult(null));
            Consumer<Future<T>> onDone = f -> {
                if (!waiter.done() && isSatisfied(all, returnWhen)) {
                    waiter.trySetResult(null);
                }
            };
            for (Future<T> f : all) {
                f.addDoneCallback(onDone);
            }
            try {
                task.await(waiter);
                waiter.result(); // raises the CancelledError if the calling task was cancelled
            } finally {
                if (timer != null) {
                    timer.cancel();
                }
                for (Future<T> f : all) {
                    f.removeDoneCallback(onDone);
                }
            }
        }
        Set<Future<T>> done = new LinkedHashSet<>();
        Set<Future<T>> pending = new LinkedHashSet<>();
        for (Future<T> f : all) {
            (f.done() ? done : pending).add(f);
        }
        return new WaitResult<>(done, pending);
    }

    private static <T> boolean isSatisfied(Set<Future<T>> all, ReturnWhen returnWhen) {
        int done = 0;
        for (Future<T> f : all) {
            if (f.done()) {
                done++;
                if (returnWhen == ReturnWhen.FIRST_COMPLETED) {
                    return true;
                }
                if (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && ((FutureImpl<T>) f).peekException() != null) {
                    return true;
                }
            }
        }
        return done == all.size();
    }

    /**
     * asyncio's {@code shield}: a future that follows {@code inner}, whose cancellation does not
     * reach {@code inner}.
     *
     * @param inner the future to protect
     * @param <T> the result type
     * @return the outer future, or {@code inner} itself if it is already done
     */
    public static <T> Future<T> shield(Future<T> inner) {
        TaskLoop loop = loop();
        FutureImpl<T> in = own(loop, inner);
        if (in.done()) {
            return in;
        }
        FutureImpl<T> outer = new FutureImpl<>(loop);
        Consumer<Future<T>> innerDone = f -> {
            if (outer.cancelled()) {
                if (!in.cancelled()) {
                    in.exception(); // retrieved: nobody waits for it any more
                }
                return;
            }
            if (in.cancelled()) {
                outer.cancel(in.cancelMessage());
            } else if (in.peekException() != null) {
                outer.setException(in.exception());
            } else {
                outer.setResult(in.result());
            }
        };
        in.addDoneCallback(innerDone);
        outer.addDoneCallback(f -> {
            if (!in.done()) {
                in.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }

    /**
     * The futures in the order they complete: each {@code next()} suspends until one more is done
     * and returns it.
     *
     * @param futures the futures
     * @param timeout how long in all, or {@code null}
     * @param <T> the result type
     * @return an iterator in completion order
     */
    public static <T> java.util.Iterator<Future<T>> asCompleted(List<? extends Future<T>> futures, Duration timeout) {
        TaskLoop loop = loop();
        List<FutureImpl<T>> todo = new ArrayList<>();
        for (Future<T> f : futures) {
            FutureImpl<T> fi = own(loop, f);
            if (!todo.contains(fi)) {
                todo.add(fi);
            }
        }
        return new AsCompletedIterator<>(loop, todo, timeout);
    }
}
