package io.aio4j;

import io.aio4j.internal.task.TaskLoop;
import java.time.Duration;
import java.util.Set;

/**
 * An event loop: one thread that runs callbacks, timers, I/O and tasks, one at a time, forever.
 * asyncio's {@code AbstractEventLoop}, in Java's casing.
 *
 * <p>Most programs never touch a loop directly: {@link Aio#run} makes one, runs a coroutine on it
 * and closes it. Use a loop yourself to run it in steps, to schedule plain callbacks, or to mix it
 * with other threads.
 *
 * <h2>Threads</h2>
 * While a loop runs, its methods may be called only from its own thread or its tasks, except
 * those named {@code ...Threadsafe}, {@link #stop()}, and the read-only {@link #time()},
 * {@link #isRunning()}, {@link #isClosed()}. Any other thread gets an {@link IllegalStateException} that says what to
 * use instead. A loop that is not running may be prepared (callbacks, tasks) from one thread.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 * state     | runForever / runUntilComplete | stop()           | close()
 * ----------+-------------------------------+------------------+--------------------------
 * IDLE      | -> RUNNING                    | next run exits   | -> CLOSED
 * RUNNING   | IllegalStateException         | exits after the  | IllegalStateException
 *           |                               | current batch    |
 * CLOSED    | LoopClosedException           | no effect        | no effect
 * </pre>
 * Closing reports, through the exception handler, every task still pending and every task whose
 * exception was never retrieved.
 */
public interface EventLoop extends AutoCloseable {

    /** How tasks are scheduled on loops in this JVM; fixed when the first loop is made. */
    enum SchedulingMode {
        /**
         * The fast path: each task is a virtual thread whose scheduler is the loop itself, so task
         * code runs on the loop's platform thread. Needs
         * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (or {@code =io.aio4j} on the module
         * path).
         */
        LOOP_SCHEDULER,
        /**
         * The portable path, on public APIs only: the loop runs on a virtual thread and passes a
         * baton, so one task of the loop runs at a time. Same semantics; a JDK-blocking call inside
         * a task holds the baton (and so the loop) until it returns, as a blocking call in asyncio
         * does. Virtual threads that a task starts itself run on the JDK's default scheduler.
         */
        BATON
    }

    /**
     * Creates a loop with default options.
     *
     * @return a new, idle loop
     */
    static EventLoop create() {
        return create(LoopOptions.defaults());
    }

    /**
     * Creates a loop.
     *
     * @param options its options
     * @return a new, idle loop
     */
    static EventLoop create(LoopOptions options) {
        return TaskLoop.create(options);
    }

    /**
     * Returns the scheduling mode of this JVM, choosing it if no loop was made yet. The choice is
     * logged once when it is {@link SchedulingMode#BATON}, with the flag that enables the fast path.
     *
     * @return the mode
     */
    static SchedulingMode schedulingMode() {
        return TaskLoop.schedulingMode();
    }

    // ------------------------------------------------------------------ scheduling callbacks

    /**
     * Schedules a callback to run on the next iteration of the loop, after the callbacks already
     * scheduled (FIFO).
     *
     * @param callback what to run
     * @return a handle that can cancel it
     * @throws LoopClosedException if the loop is closed
     */
    Handle callSoon(Runnable callback);

    /**
     * Schedules a callback to run after a delay. A delay of zero or less runs it on the next
     * iteration that handles timers, after the callbacks already scheduled.
     *
     * @param delay how long from now
     * @param callback what to run
     * @return a handle that can cancel it
     * @throws LoopClosedException if the loop is closed
     */
    TimerHandle callLater(Duration delay, Runnable callback);

    /**
     * Schedules a callback for a deadline on the loop's clock.
     *
     * @param deadlineNanos when, in the units of {@link #time()}
     * @param callback what to run
     * @return a handle that can cancel it
     * @throws LoopClosedException if the loop is closed
     */
    TimerHandle callAt(long deadlineNanos, Runnable callback);

    /**
     * Schedules a callback from any thread. It joins the same FIFO queue as {@link #callSoon} and
     * wakes the loop if it is waiting for I/O; waking costs at most one
     * {@link java.nio.channels.Selector#wakeup()}, and none when the loop is already awake.
     *
     * @param callback what to run
     * @return a handle that can cancel it
     * @throws LoopClosedException if the loop is closed
     */
    Handle callSoonThreadsafe(Runnable callback);

    /**
     * Returns the loop's clock: a monotonic time in nanoseconds, from an arbitrary origin. A test
     * loop's clock is virtual. Thread-safe.
     *
     * @return the current time on the loop's clock
     */
    long time();

    // ------------------------------------------------------------------ running and stopping

    /**
     * Runs the loop until the future is done, then returns its result. Blocks the calling thread,
     * which becomes the loop's thread (or waits for it, if the loop needs a thread of another kind).
     *
     * @param future the future to wait for; it must belong to this loop
     * @param <T> the result type
     * @return the future's result
     * @throws CancelledError if the future was cancelled
     * @throws IllegalStateException if the loop is running, another loop runs in this thread, or
     *     the loop stopped before the future was done
     */
    <T> T runUntilComplete(Future<T> future);

    /**
     * Runs the loop until {@link #stop()} is called. Blocks the calling thread.
     *
     * @throws IllegalStateException if the loop is already running, or another loop runs in this
     *     thread
     * @throws LoopClosedException if the loop is closed
     */
    void runForever();

    /**
     * Stops the loop after the callbacks of the current iteration have run; callbacks they
     * schedule run the next time the loop runs. Called while the loop is not running, the next run
     * does one iteration and returns. Thread-safe: from another thread it also wakes the loop.
     */
    void stop();

    /**
     * Closes the loop: pending callbacks are dropped, and pending tasks and exceptions nobody
     * retrieved are reported through the exception handler. Idempotent.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    void close();

    /**
     * Tells whether the loop is running. Thread-safe.
     *
     * @return {@code true} while {@code runForever} or {@code runUntilComplete} runs
     */
    boolean isRunning();

    /**
     * Tells whether the loop was closed. Thread-safe.
     *
     * @return {@code true} once closed
     */
    boolean isClosed();

    // ------------------------------------------------------------------ futures and tasks

    /**
     * Creates a pending future that belongs to this loop.
     *
     * @param <T> the result type
     * @return the future
     */
    <T> Future<T> createFuture();

    /**
     * Creates a task that runs a coroutine on this loop, starting on the next iteration.
     *
     * @param body the coroutine
     * @param <T> the result type
     * @return the task
     */
    <T> Task<T> createTask(AsyncCallable<T> body);

    /**
     * Creates a named task.
     *
     * @param body the coroutine
     * @param name the task's name
     * @param <T> the result type
     * @return the task
     */
    <T> Task<T> createTask(AsyncCallable<T> body, String name);

    /**
     * Creates a task from a coroutine that returns nothing.
     *
     * @param body the coroutine
     * @return the task, whose result is {@code null}
     */
    default Task<Void> createTask(AsyncRunnable body) {
        return createTask(body.asCallable());
    }

    /**
     * Creates a named task from a coroutine that returns nothing.
     *
     * @param body the coroutine
     * @param name the task's name
     * @return the task, whose result is {@code null}
     */
    default Task<Void> createTask(AsyncRunnable body, String name) {
        return createTask(body.asCallable(), name);
    }

    /**
     * Returns the tasks of this loop that are not done yet.
     *
     * @return a snapshot
     */
    Set<Task<?>> allTasks();

    // ------------------------------------------------------------------ errors and debugging

    /**
     * Sets the handler for errors that no caller can receive (see {@link ExceptionHandler}).
     *
     * @param handler the handler, or {@code null} for the default, which logs through
     *     {@link System.Logger} named {@code io.aio4j}
     */
    void setExceptionHandler(ExceptionHandler handler);

    /**
     * Returns the handler set with {@link #setExceptionHandler}.
     *
     * @return the handler, or {@code null} when the default is in use
     */
    ExceptionHandler exceptionHandler();

    /**
     * Reports an error through the current handler. If the handler throws, that is logged.
     *
     * @param context the report
     */
    void callExceptionHandler(ExceptionContext context);

    /**
     * The default handler: logs the report through {@link System.Logger} named {@code io.aio4j}.
     * Custom handlers may call it.
     *
     * @param context the report
     */
    void defaultExceptionHandler(ExceptionContext context);

    /**
     * Tells whether debug mode is on. In debug mode tasks and callbacks remember where they were
     * created, reports include it, and the watchdog's default threshold is 100 ms.
     *
     * @return whether debug mode is on
     */
    boolean debug();

    /**
     * Turns debug mode on or off.
     *
     * @param enabled whether debug mode is on
     */
    void setDebug(boolean enabled);

    /**
     * Returns the watchdog's threshold: how long one callback or task step may hold the loop
     * thread before it is reported, live, with the culprit's stack.
     *
     * @return the threshold; {@link Duration#ZERO} when the watchdog is off
     */
    Duration slowCallbackDuration();

    /**
     * Sets the watchdog's threshold.
     *
     * @param threshold the longest step that is not reported; {@link Duration#ZERO} turns the
     *     watchdog off; {@code null} restores the default for the current debug mode
     */
    void setSlowCallbackDuration(Duration threshold);

    /**
     * Returns the loop's name.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the loop's number, unique in the JVM (the first loop is 1).
     *
     * @return the number
     */
    long id();

    /**
     * Takes a {@link LoopSnapshot} of this loop: its tasks as a tree, what each waits for and for
     * how long, their stacks, the loop's counters and the watchdog's recent reports. Thread-safe:
     * from another thread it asks the loop to take it and waits up to a second for the answer; a
     * loop that does not answer in time (a callback blocks it) is read from outside, and the
     * snapshot says so ({@link LoopSnapshot#complete()} is {@code false}).
     *
     * @return the snapshot
     */
    LoopSnapshot snapshot();

    /**
     * Returns the loops of this JVM that are not closed, oldest first: what a monitor shows.
     * Thread-safe. A loop nobody references any more drops out of the list even if it was never
     * closed.
     *
     * @return the live loops
     */
    static java.util.List<EventLoop> liveLoops() {
        return io.aio4j.internal.loop.LoopRegistry.live();
    }
}
