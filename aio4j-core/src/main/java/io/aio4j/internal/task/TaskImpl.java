package io.aio4j.internal.task;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * asyncio's Task: a coroutine on a virtual thread that runs on its loop. Loop thread (or the task's
 * own thread while it runs) only, except {@link #stack()}.
 *
 * <p>How cancellation travels (CPython {@code tasks.py}): {@link #cancel(String)} counts the request
 * and cancels the future the task waits on (or the {@link ParkedTask} it is parked on), which wakes
 * it; {@link #await} (or {@link #park}) then raises the {@link CancelledError}. With neither, the
 * request waits in {@link #mustCancel} for the task's next wait, or makes a task that returns
 * without waiting again end cancelled.
 *
 * @param <T> the result type
 */
public final class TaskImpl<T> extends FutureImpl<T> implements Task<T>, Runnable {
    private static final AtomicLong NAMES = new AtomicLong();
    private static final AtomicLong IDS = new AtomicLong();

    /** An {@link AsyncCallable} or an {@link AsyncRunnable}: kept as given, no adapter, one frame less. */
    private final Object body;
    /** Explicit name, or {@code null} for {@code "Task-" + number} (made lazily). */
    private String name;
    private final long number;
    /** The virtual thread; set once, before it starts. */
    Thread thread;
    /** The future this task waits on in {@link #await}, or {@code null}. */
    private FutureImpl<?> waiter;
    /** The node this task is parked on in {@link #park}, or {@code null}. */
    private ParkedTask parkedOn;
    /** A cancellation requested while not waiting, to deliver at the next wait. */
    private boolean mustCancel;
    /** Set once, by the closing thread, for a task its loop left pending. */
    private volatile boolean abandoned;
    private String pendingCancelMessage;
    private int cancelRequests;
    /**
     * Set by {@code resume}, cleared by {@code suspend}; guards against stray unparks. Written with
     * release stores (no full fence: both sides run on the loop's carrier), read with acquire loads.
     */
    @SuppressWarnings("unused") // through WOKEN
    private boolean woken;
    private static final java.lang.invoke.VarHandle WOKEN;

    static {
        try {
            WOKEN = java.lang.invoke.MethodHandles.lookup().findVarHandle(TaskImpl.class, "woken", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    boolean woken() {
        return (boolean) WOKEN.getAcquire(this);
    }

    void setWoken(boolean value) {
        WOKEN.setRelease(this, value);
    }
    /** Scheduling mode's own per-task object (the baton step), or {@code null}. */
    Runnable step;
    /** The task's {@code TaskLocal} values (immutable; copy on write), or {@code null}. */
    java.util.Map<Object, Object> locals;
    /** Where the task was created, in debug mode; else {@code null}. */
    final StackTraceElement[] createdAt;
    /** The task's number in the JVM ({@link #id()}). */
    private final long id;
    /** The task of this loop that created it, or {@code null}: the tree of a snapshot. */
    final TaskImpl<?> parent;
    /** The group it is a child of ({@link Grouping}), or {@code null}. */
    private Grouping group;
    /** The loop's tick when the current wait began ({@link io.aio4j.internal.loop.SelectorLoop#tick()}). */
    long waitSince;
    /** The loop clock when the task was created, for its JFR span; 0 when no span is recorded. */
    final long createdNanos;

    /** What a task group tells a snapshot about itself. */
    public interface Grouping {
        /**
         * Returns the group's label, e.g. {@code "TaskGroup-3 of 'main'"}.
         *
         * @return the label
         */
        String label();
    }

    TaskImpl(TaskLoop loop, Object body, String name, StackTraceElement[] createdAt, TaskImpl<?> parent) {
        super(loop);
        this.body = body;
        this.name = name;
        this.number = name == null ? NAMES.incrementAndGet() : 0;
        this.createdAt = createdAt;
        this.id = IDS.incrementAndGet();
        this.parent = parent;
        this.createdNanos = TaskEvents.created(this);
    }

    @Override
    public long id() {
        return id;
    }

    /**
     * Records the group the task is a child of (its group calls it when it adopts the task).
     *
     * @param g the group
     */
    public void setGroup(Grouping g) {
        this.group = g;
    }

    /** The group's label, or {@code null}. */
    String groupLabel() {
        Grouping g = group;
        return g == null ? null : g.label();
    }

    /** What the task waits on, the future or the node, or {@code null}. */
    Object waitingOn() {
        return waiter != null ? waiter : parkedOn;
    }

    // ============================================================ the coroutine's life

    /** The virtual thread's body: runs the coroutine and completes the task. */
    @Override
    public void run() {
        Scheduling s = loop.scheduling;
        s.enterTask(this);
        try {
            if (mustCancel) {
                cancelFuture(pendingCancelMessage); // cancelled before its first step: the body never runs
                return;
            }
            T value = callBody();
            if (mustCancel) {
                cancelFuture(pendingCancelMessage); // asked to cancel and returned without waiting again
            } else {
                finishWithResult(value);
            }
        } catch (CancelledError e) {
            cancelFuture(e.getMessage());
        } catch (Throwable e) {
            finishWithException(e);
            loop.taskFailed(this);
        } finally {
            TaskEvents.ended(this);
            if (!abandoned) {
                loop.taskDone(this); // an abandoned task's loop is closed and forgot it already
            }
            s.exitTask(this);
        }
    }

    @SuppressWarnings("unchecked")
    private T callBody() throws Exception {
        if (body instanceof AsyncRunnable r) {
            r.run();
            return null;
        }
        return ((AsyncCallable<T>) body).call();
    }

    /**
     * Suspends this task until {@code f} is done. The calling thread must be this task's.
     * Delivers a pending cancellation by cancelling {@code f}, and raises a cancellation that
     * arrived while the task was being resumed.
     */
    void await(FutureImpl<?> f) {
        if (abandoned) {
            throw new io.aio4j.LoopClosedException("Event loop '" + loop.name() + "' is closed: " + this + " cannot wait");
        }
        waiter = f;
        waitSince = loop.tick();
        f.addWaiter(this);
        if (mustCancel && f.cancel(pendingCancelMessage)) {
            mustCancel = false;
        }
        loop.scheduling.suspend(this);
        loop.noteRunning(this);
        waiter = null;
        throwIfMustCancel();
    }

    /**
     * Suspends this task on {@code node}, a wait without a future: as {@link #await} on a future
     * that {@link ParkedTask#unpark} completes and {@link #cancel} cancels, and with the same
     * delivery of a pending cancellation. The calling thread must be this task's.
     */
    void park(ParkedTask node) {
        if (abandoned) {
            throw new io.aio4j.LoopClosedException("Event loop '" + loop.name() + "' is closed: " + this + " cannot wait");
        }
        parkedOn = node;
        waitSince = loop.tick();
        if (mustCancel && node.cancel(pendingCancelMessage)) {
            mustCancel = false;
        }
        loop.scheduling.suspend(this);
        loop.noteRunning(this);
        parkedOn = null;
        throwIfMustCancel();
        if (node.state() == ParkedTask.State.CANCELLED) {
            throw new CancelledError(node.cancelMessage()); // what result() of a cancelled future raises
        }
    }

    /** Resumes a task whose loop closed under it, with a cancellation to unwind it. */
    void abandon(String message) {
        abandoned = true;
        mustCancel = true;
        pendingCancelMessage = message;
        loop.scheduling.wakeAbandoned(this);
    }

    /** Whether the loop closed while this task was pending. */
    boolean abandoned() {
        return abandoned;
    }

    /** Yields to the loop once ({@code sleep(ZERO)}), raising a pending cancellation after it. */
    void yieldOnce() {
        loop.scheduling.yieldNow(this);
        throwIfMustCancel();
    }

    private void throwIfMustCancel() {
        if (mustCancel) {
            mustCancel = false;
            throw new CancelledError(pendingCancelMessage);
        }
    }

    // ============================================================ Task

    @Override
    public boolean cancel(String message) {
        loop.checkThread();
        if (done()) {
            return false;
        }
        cancelRequests++;
        FutureImpl<?> w = waiter;
        if (w != null && w.cancel(message)) {
            return true; // the waiter's completion wakes us with a CancelledError
        }
        ParkedTask p = parkedOn;
        if (p != null && p.cancel(message)) {
            return true; // likewise, without a future
        }
        mustCancel = true;
        pendingCancelMessage = message;
        return true;
    }

    @Override
    public int cancelling() {
        return cancelRequests;
    }

    @Override
    public int uncancel() {
        if (done()) {
            return cancelRequests;
        }
        if (cancelRequests > 0) {
            cancelRequests--;
            if (cancelRequests == 0) {
                mustCancel = false;
            }
        }
        return cancelRequests;
    }

    @Override
    public String name() {
        String n = name;
        return n != null ? n : "Task-" + number;
    }

    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public StackTraceElement[] stack() {
        Thread t = thread;
        if (t == null || done()) {
            return new StackTraceElement[0];
        }
        return trimStack(t.getStackTrace());
    }

    /** Drops the frames of the wait itself (top) and of the thread's start-up (bottom). */
    static StackTraceElement[] trimStack(StackTraceElement[] frames) {
        // The JDK's park frames differ between releases (JDK 25 parks through JavaLangAccess,
        // java.lang.System$1): skip the whole leading run of JDK and aio4j frames, up to the last
        // aio4j one, so the top is the caller of Aio.await/sleep.
        int from = 0;
        for (int i = 0; i < frames.length && (isJdk(frames[i]) || isAio4jWait(frames[i])); i++) {
            if (isAio4jWait(frames[i])) {
                from = i + 1;
            }
        }
        while (from < frames.length && isMachinery(frames[from])) {
            from++;
        }
        int to = frames.length;
        while (to > from && (isMachinery(frames[to - 1]) || isStartup(frames[to - 1]))) {
            to--;
        }
        return Arrays.copyOfRange(frames, from, to);
    }

    private static boolean isMachinery(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("io.aio4j.internal.") || c.startsWith("jdk.internal.") || c.startsWith("java.lang.VirtualThread")
                || c.equals("java.util.concurrent.locks.LockSupport") || c.startsWith("java.lang.Continuation")
                || (c.equals("java.lang.Thread") && e.getMethodName().equals("yield"));
    }

    private static boolean isJdk(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }

    /** aio4j's frames of a wait: its machinery and the {@code Aio} entry points. */
    private static boolean isAio4jWait(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("io.aio4j.internal.") || c.equals("io.aio4j.Aio");
    }

    private static boolean isStartup(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("java.lang.Thread") || c.startsWith("io.aio4j.AsyncRunnable");
    }

    @Override
    String describeWait() {
        return "task '" + name() + "' (#" + id + ")";
    }

    /** The future this task waits on, or {@code null}. */
    FutureImpl<?> waiter() {
        return waiter;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Task ").append(describeState()).append(" name='").append(name()).append('\'');
        if (!done()) {
            if (cancelRequests > 0) {
                sb.append(" cancelling=").append(cancelRequests);
            }
            Object w = waiter != null ? waiter : parkedOn;
            if (w != null) {
                sb.append(" wait_for=").append(w);
            }
        }
        return sb.append('>').toString();
    }
}
