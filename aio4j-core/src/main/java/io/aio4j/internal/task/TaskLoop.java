package io.aio4j.internal.task;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.LoopSnapshot;
import io.aio4j.EventLoop.SchedulingMode;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.LoopOptions;
import io.aio4j.Task;
import io.aio4j.internal.loop.LoopClock;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.loop.SystemClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The event loop with futures and tasks (DESIGN.md layer 2) on top of {@link SelectorLoop}.
 * Loop thread only, except where {@link SelectorLoop} says otherwise.
 */
public class TaskLoop extends SelectorLoop {
    /**
     * Runs continuations that arrive after their loop closed: virtual threads a task started, or
     * JDK pollers finishing a wake-up. They must run somewhere, or the JDK's threads would hang.
     */
    private static final ExecutorService ORPHANS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("aio4j-orphan-carrier-", 1).factory());
    /** Unretrieved task exceptions kept for the close-time report; older ones are reported early. */
    private static final int MAX_UNRETRIEVED = 10_000;

    final Scheduling scheduling;
    /** Whether tasks run on the loop's own scheduler (the fast mode). */
    private final boolean fastMode;
    /** Tasks that ended with an exception, oldest first; reported at close unless retrieved. */
    private final ArrayDeque<TaskImpl<?>> failed = new ArrayDeque<>();
    /**
     * The tasks not yet done, by thread: the strong references that keep fire-and-forget tasks
     * alive. Confined to the loop (its thread, a task holding it, or the one thread preparing or
     * closing it while it is not running).
     */
    private final HashMap<Thread, TaskImpl<?>> tasks = new HashMap<>();
    /** The last task found by {@link #taskOf}: spares a lookup on the next call. Loop-confined. */
    private TaskImpl<?> lastTask;

    /**
     * Creates a loop on the system clock.
     *
     * @param options its options
     * @return the loop
     */
    public static TaskLoop create(LoopOptions options) {
        return new TaskLoop(options, SystemClock.INSTANCE);
    }

    /**
     * Creates a loop on a given clock (the test loop passes a virtual one).
     *
     * @param options its options
     * @param clock its clock
     */
    protected TaskLoop(LoopOptions options, LoopClock clock) {
        super(options, clock);
        if (SchedulerAccess.available()) {
            JdkPollers.ensureStarted(); // only tasks on the loop's own scheduler could adopt them
        }
        Warmup.ensureDone();
        this.fastMode = SchedulerAccess.available();
        this.scheduling = fastMode ? new LoopScheduling(this) : new BatonScheduling();
    }

    /**
     * Returns the JVM's scheduling mode.
     *
     * @return the mode
     */
    public static SchedulingMode schedulingMode() {
        return SchedulerAccess.available() ? SchedulingMode.LOOP_SCHEDULER : SchedulingMode.BATON;
    }

    // ============================================================ scheduler bridge

    /** The loop as a virtual-thread scheduler. Thread-safe; never throws. */
    void executeContinuation(Runnable continuation) {
        execute(continuation);
    }

    /** Appends a task step to the ready queue. Loop thread only. */
    void enqueueStep(Runnable step) {
        if (isClosed()) {
            return; // an abandoned task unwinds without its loop
        }
        enqueue(step);
    }

    /** Called by a task's thread as it resumes: the next lookup finds it at once. */
    void noteRunning(TaskImpl<?> task) {
        lastTask = task;
    }

    /** The task of this loop whose thread is {@code t}, or {@code null}. Loop-confined. */
    TaskImpl<?> taskOf(Thread t) {
        TaskImpl<?> hint = lastTask;
        if (hint != null && hint.thread == t) {
            return hint;
        }
        TaskImpl<?> task = tasks.get(t);
        if (task != null) {
            lastTask = task;
        }
        return task;
    }

    /**
     * {@inheritDoc} Here, found without any shared map: in the fast mode, whether the caller's
     * carrier is the loop's thread (which covers the loop itself, its tasks, and the virtual threads
     * a task started, which run there too); in the portable mode, whether the caller is the loop's
     * thread or holds its baton.
     */
    @Override
    protected boolean onLoopNow(Thread current, Thread owner) {
        if (current == owner) {
            return true;
        }
        if (fastMode) {
            return current.isVirtual() && SchedulerAccess.currentCarrier() == owner;
        }
        return scheduling.runsOnLoop(current, null);
    }

    @Override
    protected SelectorLoop loopOfCurrentTask() {
        return Tasks.currentLoop();
    }

    @Override
    protected void onRunStart() {
        Tasks.started(this);
    }

    @Override
    protected void onRunEnd() {
        Tasks.stopped(this);
    }

    @Override
    protected boolean canRunOn(Thread t) {
        return scheduling.canRunLoopOn(t);
    }

    @Override
    protected Thread newLoopThread(Runnable run) {
        return scheduling.newLoopThread(name(), run);
    }

    @Override
    protected void orphan(Runnable work) {
        try {
            ORPHANS.execute(work);
        } catch (Throwable t) {
            Thread.ofPlatform().daemon().start(work);
        }
    }

    // ============================================================ futures and tasks

    @Override
    public <T> Future<T> createFuture() {
        ensureOpen();
        return new FutureImpl<>(this);
    }

    @Override
    public <T> Task<T> createTask(AsyncCallable<T> body) {
        return createTask(body, null);
    }

    @Override
    public <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        return newTask(body, name);
    }

    @Override
    public Task<Void> createTask(AsyncRunnable body) {
        return newTask(body, null);
    }

    /** Creates and starts a task whose body is an AsyncCallable or an AsyncRunnable. */
    <T> Task<T> newTask(Object body, String name) {
        if (body == null) {
            throw new NullPointerException("body");
        }
        ensureOpen();
        checkThread();
        Thread creator = Thread.currentThread();
        TaskImpl<T> task = new TaskImpl<>(this, body, name, debug() ? new Throwable().getStackTrace() : null,
                creator.isVirtual() ? taskOf(creator) : null);
        Thread thread = scheduling.newTaskThread(task);
        task.thread = thread;
        task.locals = TaskLocals.snapshot(); // asyncio copies the creator's context into the task
        tasks.put(thread, task);
        scheduling.start(task);
        return task;
    }

    @Override
    public Set<Task<?>> allTasks() {
        Set<Task<?>> out = new LinkedHashSet<>();
        for (TaskImpl<?> t : taskList()) {
            if (!t.done()) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public LoopSnapshot snapshot() {
        return Introspection.snapshot(this);
    }

    /** The loop's counters, with the task count; see {@link #snapshot()}. */
    io.aio4j.LoopStatistics statisticsNow() {
        return statistics(tasks.size());
    }

    /** The watchdog's recent reports. */
    List<String> watchdogReports() {
        return recentReports();
    }

    /** Tasks of this loop not yet done. */
    List<TaskImpl<?>> pendingTasks() {
        return taskList().stream().filter(t -> !t.done()).toList();
    }

    /**
     * A copy of the task table. The watchdog calls it from its own thread while the loop is
     * blocked (so the table is not changing); a copy that races a change gives up and returns what
     * it has, since a report must never fail.
     */
    List<TaskImpl<?>> taskList() {
        try {
            return new ArrayList<>(tasks.values());
        } catch (RuntimeException raced) {
            return List.of();
        }
    }

    /** Drops a task that is done. Called by the task's own thread, holding the loop. */
    void taskDone(TaskImpl<?> task) {
        tasks.remove(task.thread);
        if (lastTask == task) {
            lastTask = null;
        }
    }

    /** Notes a task that ended with an exception, for the close-time report. Loop thread only. */
    void taskFailed(TaskImpl<?> task) {
        failed.addLast(task);
        if (failed.size() > MAX_UNRETRIEVED) {
            reportIfUnretrieved(failed.pollFirst());
        }
    }

    private void reportIfUnretrieved(TaskImpl<?> t) {
        if (!t.retrieved) {
            t.retrieved = true;
            callExceptionHandler(new ExceptionContext("Task exception was never retrieved", t.peekException(), t, t,
                    null, null, t.createdAt == null ? null : List.of(t.createdAt)));
        }
    }

    @Override
    public <T> T runUntilComplete(Future<T> future) {
        if (!(future instanceof FutureImpl<T> f) || f.loop != this) {
            throw new IllegalArgumentException("runUntilComplete needs a future of event loop '" + name() + "': " + future);
        }
        ensureOpen();
        Consumer<Future<T>> stopper = x -> stop();
        f.addDoneCallback(stopper);
        try {
            runForever();
        } finally {
            f.removeDoneCallback(stopper);
        }
        if (!f.done()) {
            throw new IllegalStateException("Event loop '" + name() + "' stopped before the future completed: " + f);
        }
        return f.result();
    }

    // ============================================================ closing and reports

    /** Tasks still pending at close, reported and then unwound by {@link #afterClose()}. */
    private List<TaskImpl<?>> abandoned = List.of();

    @Override
    protected void beforeClose() {
        abandoned = pendingTasks();
        for (TaskImpl<?> t : abandoned) {
            if (!t.done()) {
                tasks.remove(t.thread);
                callExceptionHandler(new ExceptionContext("Task was destroyed but it is pending!", null, t, t, null,
                        null, t.createdAt == null ? null : List.of(t.createdAt)));
            }
        }
        TaskImpl<?> t;
        while ((t = failed.pollFirst()) != null) {
            reportIfUnretrieved(t);
        }
        tasks.clear();
        lastTask = null;
    }

    /**
     * Unwinds the tasks left pending, as Python closes a destroyed coroutine: each is resumed with a
     * {@link io.aio4j.CancelledError} at its wait, so its {@code finally} blocks run (on another
     * thread, since the loop is gone) and its virtual thread ends instead of staying parked forever
     * in the JDK's thread registry. Waiting there again throws {@link io.aio4j.LoopClosedException}.
     */
    @Override
    protected void afterClose() {
        for (TaskImpl<?> t : abandoned) {
            t.abandon("Event loop '" + name() + "' was closed while the task was pending");
        }
        abandoned = List.of();
    }

    @Override
    protected BlockedStep describeBlockedStep(Runnable step, Duration blockedFor) {
        List<TaskImpl<?>> tasks = taskList();
        TaskImpl<?> culprit = scheduling.taskOfStep(step, tasks);
        if (culprit == null) {
            BlockedStep plain = super.describeBlockedStep(step, blockedFor);
            return new BlockedStep(plain.culprit(), null, plain.handle(), plain.stack(),
                    ClassInitHints.hint(plain.stack(), null, tasks), plain.threadState());
        }
        StackTraceElement[] stack = culprit.thread.getStackTrace();
        return new BlockedStep("Task '" + culprit.name() + "'", culprit, null, stack, ClassInitHints.hint(stack, culprit, tasks),
                culprit.thread.getState());
    }
}
