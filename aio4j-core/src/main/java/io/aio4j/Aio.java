package io.aio4j;

import io.aio4j.internal.task.Combinators;
import io.aio4j.internal.task.Coroutines;
import io.aio4j.internal.task.Runner;
import io.aio4j.internal.task.TimeoutScope;
import io.aio4j.internal.task.ToThread;
import io.aio4j.internal.task.WaitFor;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The entry points of aio4j: asyncio's module-level functions, as static methods meant to be
 * imported statically.
 * {@snippet :
 * import static io.aio4j.Aio.*;
 *
 * static String fetchData(String url) {
 *     System.out.println("Fetching data from " + url + "...");
 *     sleep(Duration.ofSeconds(2)); // suspends this task only
 *     return "Data from " + url;
 * }
 *
 * public static void main(String[] args) {
 *     String result = Aio.run(() -> {
 *         Task<String> a = createTask(() -> fetchData("url1"));
 *         Task<String> b = createTask(() -> fetchData("url2"));
 *         return await(a) + ", " + await(b); // two seconds, not four
 *     });
 * }
 * }
 *
 * <p>Methods that suspend say so. They must be called from a task of a running loop; anywhere else
 * they throw an {@link IllegalStateException} that says what to do instead.
 */
public final class Aio {
    private Aio() {}

    /**
     * Runs a coroutine on a new event loop and returns its result: asyncio's {@code run}. Creates
     * the loop, runs {@code main} as a task until it is done, then cancels every task still
     * pending, waits for them, and closes the loop. Blocks the calling thread.
     *
     * @param main the coroutine
     * @param <T> the result type
     * @return the coroutine's result
     * @throws CancelledError if the main task was cancelled
     * @throws java.util.concurrent.CompletionException wrapping a checked exception of the main
     *     task; unchecked ones are thrown as they were
     * @throws IllegalStateException if called from a running event loop
     */
    public static <T> T run(AsyncCallable<T> main) {
        return Runner.run(main, LoopOptions.defaults());
    }

    /**
     * Runs a coroutine that returns nothing; see {@link #run(AsyncCallable)}.
     *
     * @param main the coroutine
     */
    public static void run(AsyncRunnable main) {
        Runner.run(main.asCallable(), LoopOptions.defaults());
    }

    /**
     * Runs a coroutine on a new loop made with {@code options}; see {@link #run(AsyncCallable)}.
     *
     * @param main the coroutine
     * @param options the loop's options (debug mode, watchdog threshold, name)
     * @param <T> the result type
     * @return the coroutine's result
     */
    public static <T> T run(AsyncCallable<T> main, LoopOptions options) {
        return Runner.run(main, options);
    }

    /**
     * Creates a task on the running loop: asyncio's {@code create_task}. It starts on the next
     * iteration; the loop keeps it alive until it is done.
     *
     * @param body the coroutine
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if no loop runs in this thread or task
     */
    public static <T> Task<T> createTask(AsyncCallable<T> body) {
        return Coroutines.runningLoop().createTask(body);
    }

    /**
     * Creates a named task on the running loop.
     *
     * @param body the coroutine
     * @param name the task's name
     * @param <T> the result type
     * @return the task
     */
    public static <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        return Coroutines.runningLoop().createTask(body, name);
    }

    /**
     * Creates a task that returns nothing on the running loop.
     *
     * @param body the coroutine
     * @return the task
     */
    public static Task<Void> createTask(AsyncRunnable body) {
        return Coroutines.runningLoop().createTask(body);
    }

    /**
     * Creates a named task that returns nothing on the running loop.
     *
     * @param body the coroutine
     * @param name the task's name
     * @return the task
     */
    public static Task<Void> createTask(AsyncRunnable body, String name) {
        return Coroutines.runningLoop().createTask(body, name);
    }

    /**
     * Waits for a future and returns its result: Python's {@code await}. Suspends the calling task
     * until the future is done; a done future returns at once without suspending.
     *
     * <p>If the calling task is cancelled meanwhile, the future is cancelled too (a task awaited
     * this way receives the cancellation) and {@link CancelledError} is raised here.
     *
     * @param future a future or task of the same loop
     * @param <T> the result type
     * @return the result
     * @throws CancelledError if the future was cancelled, or the calling task was
     * @throws java.util.concurrent.CompletionException wrapping a checked exception of the future;
     *     unchecked ones are thrown as they were set
     * @throws IllegalStateException if not called from a task, or a task awaits itself
     */
    public static <T> T await(Future<T> future) {
        return Coroutines.await(future);
    }

    /**
     * Suspends the calling task for a while: asyncio's {@code sleep}. Uses the loop's timers, not
     * a thread. {@link Duration#ZERO} (or a negative duration) yields once: every task and callback
     * already ready runs before this task continues.
     *
     * @param delay how long
     * @throws CancelledError if the task is cancelled while sleeping
     * @throws IllegalStateException if not called from a task
     */
    public static void sleep(Duration delay) {
        Coroutines.sleep(delay);
    }

    /**
     * Returns the task the calling code runs in.
     *
     * @return the task, or {@code null} outside any task
     */
    public static Task<?> currentTask() {
        return Coroutines.currentTask();
    }

    /**
     * Returns the tasks of the running loop that are not done.
     *
     * @return a snapshot
     * @throws IllegalStateException if no loop runs in this thread or task
     */
    public static Set<Task<?>> allTasks() {
        return Coroutines.runningLoop().allTasks();
    }

    /**
     * Returns the loop the calling code runs on: asyncio's {@code get_running_loop}.
     *
     * @return the loop
     * @throws IllegalStateException if no loop runs in this thread or task
     */
    public static EventLoop getRunningLoop() {
        return Coroutines.runningLoop();
    }

    /**
     * Wraps a {@link CompletionStage} (a {@link java.util.concurrent.CompletableFuture}, say) in a
     * future of the running loop, so a task can await it: asyncio's {@code wrap_future}. The stage
     * may complete on any thread; the future completes on the loop.
     *
     * @param stage the stage
     * @param <T> the result type
     * @return the future
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        return Coroutines.wrap(stage);
    }

    // ================================================================== gather, wait, shield

    /**
     * Waits for all the futures and returns their results in argument order, not completion
     * order: asyncio's {@code gather}. Suspends the calling task. Equivalent to
     * {@code await(gatherFuture(futures))}.
     *
     * <p>The first future that fails fails the gather at once with its exception; the others are
     * <em>not</em> cancelled and keep running (their later outcomes are ignored). A cancelled child
     * fails it with a {@link CancelledError}. If the calling task is cancelled while it waits,
     * every child not yet done is cancelled too. The same future given twice is awaited once and
     * its result placed twice.
     *
     * @param futures futures and tasks of the running loop
     * @param <T> the result type
     * @return the results, in argument order
     */
    public static <T> List<T> gather(List<? extends Future<? extends T>> futures) {
        return await(gatherFuture(futures));
    }

    /**
     * Waits for all the futures; see {@link #gather(List)}.
     *
     * @param futures futures and tasks of the running loop
     * @param <T> the result type
     * @return the results, in argument order
     */
    @SafeVarargs
    public static <T> List<T> gather(Future<? extends T>... futures) {
        return gather(Arrays.asList(futures));
    }

    /**
     * Waits for all the futures and returns their outcomes in argument order, failures included as
     * values: asyncio's {@code gather(..., return_exceptions=True)}. Each element is the result,
     * or the {@link Throwable} the future ended with, or a {@link CancelledError} for a cancelled
     * one. Suspends the calling task.
     *
     * @param futures futures and tasks of the running loop
     * @return the outcomes, in argument order
     */
    public static List<Object> gatherReturnExceptions(List<? extends Future<?>> futures) {
        return await(Combinators.gathering(futures, true));
    }

    /**
     * Returns the future behind {@link #gather(List)}, for code that must hold it: to shield it,
     * to cancel it (which cancels every child not yet done), or to wait for it later.
     *
     * @param futures futures and tasks of the running loop
     * @param <T> the result type
     * @return a future of the results in argument order
     */
    public static <T> Future<List<T>> gatherFuture(List<? extends Future<? extends T>> futures) {
        return Combinators.gathering(futures, false);
    }

    /**
     * Waits until the futures are done as {@code returnWhen} says: asyncio's {@code wait}.
     * Suspends the calling task. Never cancels anything, never raises the futures' exceptions.
     *
     * <p>Write {@code Aio.wait(...)}: inside a class body, the {@code wait} methods every class
     * inherits from {@link Object} hide a static import of this one.
     *
     * @param futures futures and tasks of the running loop (at least one)
     * @param returnWhen when to return
     * @param <T> the result type
     * @return the done and the pending futures
     */
    public static <T> WaitResult<T> wait(List<? extends Future<T>> futures, ReturnWhen returnWhen) {
        return Combinators.await(futures, returnWhen, null);
    }

    /**
     * Like {@link #wait(List, ReturnWhen)}, returning when the timeout passes at the latest (with
     * some futures pending, not with an exception).
     *
     * @param futures futures and tasks of the running loop (at least one)
     * @param returnWhen when to return
     * @param timeout how long at most
     * @param <T> the result type
     * @return the done and the pending futures
     */
    public static <T> WaitResult<T> wait(List<? extends Future<T>> futures, ReturnWhen returnWhen, Duration timeout) {
        return Combinators.await(futures, returnWhen, timeout);
    }

    /**
     * Waits for a future at most {@code timeout}: asyncio's {@code wait_for}. Suspends the
     * calling task. On timeout the future is cancelled and, if it is a task, waited for until it is
     * done, so nothing of it runs on after this returns; then {@link DeadlineExceededException}
     * is raised, with the {@link CancelledError} as its cause, unless the task finished anyway
     * (its result is returned, or its exception raised). Cancelling the calling task cancels the
     * future too. A {@code timeout} of zero or less cancels at once; {@code null} waits forever.
     *
     * @param future a future or task of the running loop
     * @param timeout the timeout, or {@code null}
     * @param <T> the result type
     * @return the result
     */
    public static <T> T waitFor(Future<T> future, Duration timeout) {
        return WaitFor.waitFor(future, timeout);
    }

    /**
     * Runs a coroutine as a task and waits for it at most {@code timeout}; see
     * {@link #waitFor(Future, Duration)}. With a timeout of zero or less the body never starts.
     *
     * @param body the coroutine
     * @param timeout the timeout, or {@code null}
     * @param <T> the result type
     * @return the result
     */
    public static <T> T waitFor(AsyncCallable<T> body, Duration timeout) {
        return WaitFor.waitFor(createTask(body), timeout);
    }

    /**
     * Protects a future from cancellation: asyncio's {@code shield}. Returns a future that
     * completes as {@code inner} does; cancelling it (for instance by cancelling a task that awaits
     * it) does not cancel {@code inner}, which runs on. Cancelling {@code inner} cancels it. For an
     * inner future already done, returns {@code inner} itself.
     *
     * @param inner the future or task to protect
     * @param <T> the result type
     * @return the outer future
     */
    public static <T> Future<T> shield(Future<T> inner) {
        return Combinators.shield(inner);
    }

    /**
     * Returns the futures in the order they complete: asyncio's {@code as_completed}. Each
     * {@code next()} suspends the calling task until one more is done and returns it, done.
     *
     * @param futures futures and tasks of the running loop
     * @param <T> the result type
     * @return an iterator in completion order
     */
    public static <T> Iterator<Future<T>> asCompleted(List<? extends Future<T>> futures) {
        return Combinators.asCompleted(futures, null);
    }

    /**
     * Like {@link #asCompleted(List)}; a {@code next()} called after {@code timeout} (counted from
     * now) with nothing done raises {@link DeadlineExceededException}.
     *
     * @param futures futures and tasks of the running loop
     * @param timeout how long in all
     * @param <T> the result type
     * @return an iterator in completion order
     */
    public static <T> Iterator<Future<T>> asCompleted(List<? extends Future<T>> futures, Duration timeout) {
        return Combinators.asCompleted(futures, timeout);
    }

    // ================================================================== timeouts

    /**
     * Runs {@code body} with a timeout: asyncio's {@code async with timeout(delay)}. Suspends the
     * calling task. When the deadline passes, the task is cancelled: the body sees a
     * {@link CancelledError} at its current wait, may clean up, and as it leaves, this scope (and
     * only the scope whose deadline fired) turns the cancellation into a
     * {@link DeadlineExceededException}. Other exceptions, and cancellations from elsewhere, pass
     * through unchanged. A checked exception of the body arrives wrapped in a
     * {@link java.util.concurrent.CompletionException}.
     *
     * <h4>Why a body and not try-with-resources</h4>
     * {@code close()} cannot replace the exception that is leaving the block, and the conversion
     * needs to: so the scope takes the body.
     *
     * <h4>Pitfalls</h4>
     * A body that catches {@link CancelledError} and carries on defeats the timeout; the scope then
     * returns normally. The deadline cannot interrupt code that does not wait (CPU-bound work, a
     * JDK-blocking call in the portable mode).
     *
     * @param delay the timeout; {@code null} for none; zero or less fires at the body's first wait
     * @param body the body
     * @param <T> the result type
     * @return the body's result
     * @throws DeadlineExceededException if this scope's deadline fired
     */
    public static <T> T withTimeout(Duration delay, AsyncCallable<T> body) {
        return TimeoutScope.run(deadline(delay), scope -> body.call());
    }

    /**
     * Runs a body that returns nothing with a timeout; see {@link #withTimeout(Duration, AsyncCallable)}.
     *
     * @param delay the timeout, or {@code null} for none
     * @param body the body
     */
    public static void withTimeout(Duration delay, AsyncRunnable body) {
        TimeoutScope.run(deadline(delay), scope -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs a body that may read or move its own deadline with a timeout; see
     * {@link #withTimeout(Duration, AsyncCallable)} and {@link Timeout}.
     *
     * @param delay the timeout, or {@code null} for none
     * @param body the body, given the scope
     * @param <T> the result type
     * @return the body's result
     */
    public static <T> T withTimeout(Duration delay, Timeout.Body<T> body) {
        return TimeoutScope.run(deadline(delay), body);
    }

    /**
     * Runs {@code body} with an absolute deadline on the loop's clock: asyncio's
     * {@code timeout_at}; see {@link #withTimeout(Duration, AsyncCallable)}.
     *
     * @param deadlineNanos the deadline, in the units of {@link EventLoop#time()}
     * @param body the body, given the scope
     * @param <T> the result type
     * @return the body's result
     */
    public static <T> T withTimeoutAt(long deadlineNanos, Timeout.Body<T> body) {
        return TimeoutScope.run(deadlineNanos, body);
    }

    /**
     * Runs {@code body} with a timeout and returns {@code null} instead of raising when the
     * timeout fires: trio's {@code move_on_after}, kotlinx's {@code withTimeoutOrNull}. The body
     * still sees the {@link CancelledError} at its wait.
     *
     * @param delay the timeout, or {@code null} for none
     * @param body the body
     * @param <T> the result type
     * @return the body's result, or {@code null} if the timeout fired
     */
    public static <T> T withTimeoutOrNull(Duration delay, AsyncCallable<T> body) {
        return TimeoutScope.runOrNull(deadline(delay), scope -> body.call());
    }

    private static long deadline(Duration delay) {
        return delay == null ? TimeoutScope.NONE : getRunningLoop().time() + delay.toNanos();
    }

    // ================================================================== threads

    /**
     * Runs blocking code on a pool of platform threads and returns its result: asyncio's
     * {@code to_thread}. Suspends the calling task, not the loop. The pool is bounded (Python's
     * {@code min(32, cores + 4)} threads, idle ones end after 10 s). The code sees the task's
     * {@link TaskLocal} values.
     *
     * <p>If the calling task is cancelled, it gets its {@link CancelledError} at once; the thread is
     * not interrupted and runs the code to its end, whose outcome is dropped.
     *
     * @param blocking the blocking code
     * @param <T> the result type
     * @return its result
     */
    public static <T> T toThread(Callable<T> blocking) {
        return await(ToThread.runInExecutor(null, blocking));
    }

    /**
     * Runs blocking code that returns nothing on the pool; see {@link #toThread(Callable)}.
     *
     * @param blocking the blocking code
     */
    public static void toThread(Runnable blocking) {
        await(ToThread.runInExecutor(null, () -> {
            blocking.run();
            return null;
        }));
    }

    /**
     * Runs blocking code on an executor and returns a future of its outcome, without waiting:
     * asyncio's {@code loop.run_in_executor}.
     *
     * @param executor where to run it; {@code null} for the default pool of {@link #toThread}
     * @param blocking the blocking code
     * @param <T> the result type
     * @return a future of the running loop
     */
    public static <T> Future<T> runInExecutor(Executor executor, Callable<T> blocking) {
        return ToThread.runInExecutor(executor, blocking);
    }
}
