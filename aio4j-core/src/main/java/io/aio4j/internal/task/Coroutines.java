package io.aio4j.internal.task;

import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.TimerHandle;
import io.aio4j.internal.loop.SelectorLoop;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** The suspending primitives behind {@code Aio}: await, sleep, and finding the current task. */
public final class Coroutines {
    private Coroutines() {}

    /**
     * The calling task; throws a message saying what to do when there is none.
     *
     * @param operation the name of the suspending call, for the message
     * @return the task
     */
    static TaskImpl<?> requireTask(String operation) {
        TaskImpl<?> t = Tasks.current();
        if (t != null) {
            return t;
        }
        SelectorLoop running = SelectorLoop.runningInThisThread();
        if (running != null && running.owner() == Thread.currentThread()) {
            throw new IllegalStateException(operation + " suspends the calling task, but it was called from a callback"
                    + " of event loop '" + running.name() + "', and callbacks cannot suspend; start a task with"
                    + " createTask(...) and call it there");
        }
        throw new IllegalStateException(operation + " suspends the calling task, but " + Thread.currentThread()
                + " is not a task of a running event loop; call it inside a coroutine started with Aio.run(...)"
                + " or createTask(...)");
    }

    /**
     * Suspends the calling task until {@code future} is done and returns its result.
     *
     * @param future the future
     * @param <T> the result type
     * @return the result
     */
    public static <T> T await(Future<T> future) {
        TaskImpl<?> task = requireTask("Aio.await()");
        if (!(future instanceof FutureImpl<T> f)) {
            throw new IllegalArgumentException("not an aio4j future: " + future + "; wrap other futures with Aio.wrapFuture(...)");
        }
        if (f.loop != task.loop) {
            throw new IllegalArgumentException("Future " + f + " belongs to event loop '" + f.loop.name()
                    + "', not to the loop of " + task + " ('" + task.loop.name() + "')");
        }
        if (f == task) {
            throw new IllegalStateException("Task cannot await on itself: " + task);
        }
        if (!f.done()) {
            task.await(f);
        }
        return f.result();
    }

    /**
     * Suspends the calling task for {@code delay}; a zero or negative delay yields once.
     *
     * @param delay how long
     */
    public static void sleep(Duration delay) {
        TaskImpl<?> task = requireTask("Aio.sleep()");
        if (delay.isNegative() || delay.isZero()) {
            task.yieldOnce();
            return;
        }
        Wakeup wake = new Wakeup(task.loop);
        TimerHandle timer = task.loop.callLater(delay, wake);
        wake.deadline = timer.when();
        try {
            task.await(wake);
        } finally {
            timer.cancel();
        }
        if (wake.cancelled()) {
            // Task.cancel() delivers itself by cancelling the future the task waits on, here the
            // wake-up; like asyncio's sleep, raise it (ASYNCIO-SEMANTICS §3.1, 3 and 7).
            throw new CancelledError(wake.cancelMessage());
        }
    }

    /** The future a sleeping task waits on, and the timer callback that completes it: one object. */
    private static final class Wakeup extends FutureImpl<Void> implements Runnable {
        /** When the timer fires, on the loop's clock. */
        long deadline;

        Wakeup(TaskLoop loop) {
            super(loop);
        }

        @Override
        String describeWait() {
            return String.format("sleep, %.1f s left", Math.max(0, deadline - loop.time()) / 1e9);
        }

        @Override
        public void run() {
            if (!done()) {
                finishWithResult(null);
            }
        }
    }

    /**
     * The task the calling thread runs, or {@code null}.
     *
     * @return the task
     */
    public static Task<?> currentTask() {
        return Tasks.current();
    }

    /**
     * The loop the calling code runs on: its task's loop, or the loop whose thread this is.
     *
     * @return the loop
     * @throws IllegalStateException if there is none
     */
    public static EventLoop runningLoop() {
        TaskImpl<?> t = Tasks.current();
        if (t != null) {
            return t.loop;
        }
        SelectorLoop running = SelectorLoop.runningInThisThread();
        if (running != null && running.owner() == Thread.currentThread()) {
            return running;
        }
        throw new IllegalStateException("no running event loop in " + Thread.currentThread()
                + "; start one with Aio.run(...)");
    }

    /**
     * Wraps a {@link CompletionStage} completed by any thread in a future of the running loop.
     *
     * @param stage the stage
     * @param <T> the result type
     * @return a future completed on the loop when the stage completes
     */
    public static <T> Future<T> wrap(CompletionStage<T> stage) {
        EventLoop loop = runningLoop();
        Future<T> f = loop.createFuture();
        stage.whenComplete((value, error) -> {
            Runnable complete = () -> {
                if (f.done()) {
                    return;
                }
                Throwable cause = error instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null ? ce.getCause() : error;
                if (cause instanceof java.util.concurrent.CancellationException) {
                    f.cancel(cause.getMessage());
                } else if (cause != null) {
                    f.setException(cause);
                } else {
                    f.setResult(value);
                }
            };
            if (!loop.isClosed()) {
                loop.callSoonThreadsafe(complete);
            }
        });
        return f;
    }
}
