package io.aio4j;

import io.aio4j.internal.task.Coroutines;
import io.aio4j.internal.task.Runner;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;

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
}
