package io.aio4j.internal.task;

import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.internal.loop.SelectorLoop;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * asyncio's {@code to_thread} and {@code run_in_executor}: blocking work on platform threads,
 * its outcome delivered to the loop as a future. Thread-safe.
 */
public final class ToThread {
    /** Threads of the default pool: Python's {@code min(32, cpu_count + 4)}. */
    private static final int THREADS = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    /** Idle pool threads end after this many seconds, so an idle JVM keeps none. */
    private static final long KEEP_ALIVE_SECONDS = 10;

    private static final ExecutorService DEFAULT = newDefaultPool();

    private ToThread() {}

    private static ExecutorService newDefaultPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("aio4j-to-thread-", 1).factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The pool {@code toThread} uses.
     *
     * @return the default executor
     */
    public static Executor defaultExecutor() {
        return DEFAULT;
    }

    /**
     * Runs {@code work} on {@code executor} and returns a future of the running loop that completes
     * with its outcome. The work sees the calling task's task-local values.
     *
     * @param executor where to run it ({@code null}: the default pool)
     * @param work the blocking work
     * @param <T> the result type
     * @return the future
     */
    public static <T> Future<T> runInExecutor(Executor executor, Callable<T> work) {
        EventLoop loop = Coroutines.runningLoop();
        Future<T> f = loop.createFuture();
        Map<Object, Object> locals = TaskLocals.snapshot();
        SelectorLoop outside = loop instanceof SelectorLoop l ? l : null;
        if (outside != null) {
            outside.outsideWorkStarted();
        }
        Runnable job = () -> {
            T value = null;
            Throwable error = null;
            try {
                value = TaskLocals.callWith(locals, work);
            } catch (Throwable e) {
                error = e;
            }
            T v = value;
            Throwable err = error;
            if (loop.isClosed()) {
                return; // nobody can receive it any more
            }
            try {
                loop.callSoonThreadsafe(() -> {
                    if (outside != null) {
                        outside.outsideWorkEnded();
                    }
                    if (f.done()) {
                        return; // the awaiting task was cancelled: the outcome is dropped
                    }
                    if (err != null) {
                        f.setException(err instanceof io.aio4j.CancelledError ? new java.util.concurrent.CancellationException(err.getMessage()) : err);
                    } else {
                        f.setResult(v);
                    }
                });
            } catch (io.aio4j.LoopClosedException closed) {
                // closed meanwhile: nobody can receive it
            }
        };
        try {
            (executor == null ? DEFAULT : executor).execute(job);
        } catch (RuntimeException rejected) {
            if (outside != null) {
                outside.outsideWorkEnded();
            }
            throw rejected;
        }
        return f;
    }
}
