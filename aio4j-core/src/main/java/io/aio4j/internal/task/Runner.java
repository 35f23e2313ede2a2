package io.aio4j.internal.task;

import io.aio4j.AsyncCallable;
import io.aio4j.ExceptionContext;
import io.aio4j.LoopOptions;
import io.aio4j.internal.loop.SelectorLoop;
import java.util.List;

/** {@code Aio.run}: asyncio.run's steps, in order. */
public final class Runner {
    private Runner() {}

    /**
     * Runs {@code main} as a task on a new loop, then cancels what is left, waits for it, and closes
     * the loop.
     *
     * @param main the coroutine
     * @param options the loop's options
     * @param <T> the result type
     * @return the coroutine's result
     */
    public static <T> T run(AsyncCallable<T> main, LoopOptions options) {
        if (Tasks.current() != null || SelectorLoop.runningInThisThread() != null) {
            throw new IllegalStateException("Aio.run() cannot be called from a running event loop; inside a task,"
                    + " await a task made with createTask(...) instead");
        }
        TaskLoop loop = TaskLoop.create(options);
        try {
            TaskImpl<T> task = (TaskImpl<T>) loop.createTask(main, "main");
            return loop.runUntilComplete(task);
        } finally {
            try {
                cancelAllTasks(loop);
            } finally {
                loop.close();
            }
        }
    }

    /** Cancels every task left, runs the loop until all are done, reports their failures. */
    private static void cancelAllTasks(TaskLoop loop) {
        List<TaskImpl<?>> left = loop.pendingTasks();
        if (left.isEmpty()) {
            return;
        }
        for (TaskImpl<?> t : left) {
            t.cancel(null);
        }
        FutureImpl<Void> all = new FutureImpl<>(loop);
        int[] remaining = {left.size()};
        for (TaskImpl<?> t : left) {
            t.addDoneCallback(f -> {
                if (--remaining[0] == 0) {
                    all.trySetResult(null);
                }
            });
        }
        loop.runUntilComplete(all);
        for (TaskImpl<?> t : left) {
            if (!t.cancelled() && t.exception() != null) {
                loop.callExceptionHandler(new ExceptionContext("unhandled exception during Aio.run() shutdown",
                        t.exception(), t, t, null, null, null));
            }
        }
    }
}
