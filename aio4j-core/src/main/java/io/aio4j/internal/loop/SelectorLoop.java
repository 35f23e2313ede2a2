package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.ExceptionHandler;
import io.aio4j.Handle;
import io.aio4j.LoopClosedException;
import io.aio4j.LoopOptions;
import io.aio4j.TimerHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loop's engine (DESIGN.md layer 1): ready queue, timer heap, NIO selector, cross-thread
 * wake-ups, the run/stop/close lifecycle, error reports and the watchdog's view of the current
 * step. It knows nothing of tasks; {@code TaskLoop} adds them.
 *
 * <p>Loop thread only, except where a method says "Thread-safe". The loop thread is the thread
 * inside {@link #runForever()} (the {@link #owner}); subclasses name other threads that may act as
 * it through {@link #onLoopNow(Thread, Thread)}.
 */
public abstract class SelectorLoop implements EventLoop {
    private static final java.util.concurrent.atomic.AtomicLong LOOP_IDS = new java.util.concurrent.atomic.AtomicLong();
    /** The loop running in each thread that runs (or waits for) one: asyncio's _running_loop. */
    private static final ThreadLocal<SelectorLoop> RUNNING = new ThreadLocal<>();

    /** Default watchdog threshold in debug mode: 100 ms, asyncio's slow_callback_duration. */
    private static final Duration DEBUG_SLOW_CALLBACK = Duration.ofMillis(100);
    /** Default watchdog threshold otherwise: 1 s, long enough to be a bug and never noise. */
    private static final Duration DEFAULT_SLOW_CALLBACK = Duration.ofSeconds(1);

    private static final VarHandle AWAKE;
    private static final VarHandle STEP;
    private static final VarHandle STEP_SEQ;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            AWAKE = l.findVarHandle(SelectorLoop.class, "awake", boolean.class);
            STEP = l.findVarHandle(SelectorLoop.class, "currentStep", Runnable.class);
            STEP_SEQ = l.findVarHandle(SelectorLoop.class, "stepSeq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final long id;
    /** The monitor this loop started ({@code LoopOptions.monitorPort}), closed with it; or {@code null}. */
    private final AutoCloseable monitor;
    private final LoopClock clock;
    private final Selector selector;

    // ---- loop-thread state
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>(256);
    private final TimerQueue timers = new TimerQueue();
    private ExceptionHandler handler;
    private boolean debug;
    /** Whether a channel was ever registered: until then an iteration that must not block skips select. */
    private boolean channelsRegistered;
    /** Per-loop state of the layers above (buffers, caches, open sockets); loop thread only. */
    private final java.util.Map<Class<?>, Object> attachments = new java.util.HashMap<>(4);
    /** Work handed to other threads whose outcome this loop awaits (toThread); loop thread only. */
    private int outsideWork;
    /** The watchdog threshold as configured; {@code null} means "the default for debug mode". */
    private Duration slowCallbackSetting;

    // ---- shared state
    /** Callbacks and continuations handed over by other threads; drained by the loop thread. */
    private final ConcurrentLinkedQueue<Runnable> inbound = new ConcurrentLinkedQueue<>();
    /** Guarded by {@code this} for transitions; volatile for readers on other threads. */
    private volatile LoopState state = LoopState.IDLE;
    /** The thread running the loop; {@code null} when not running. */
    private volatile Thread owner;
    /** False only while the loop blocks in select; a waker CASes it back and wakes the selector. */
    @SuppressWarnings("unused") // through AWAKE
    private volatile boolean awake = true;
    private volatile boolean stopping;
    private volatile long slowCallbackNanos;

    // ---- the watchdog's view: written by the loop with release stores, read by the watchdog
    @SuppressWarnings("unused") // through STEP
    private volatile Runnable currentStep;
    @SuppressWarnings("unused") // through STEP_SEQ
    private volatile long stepSeq;
    private long stepCount;
    // ---- counters for LoopStatistics: loop thread only (read racily from outside, for monitors)
    private long iterations;
    private long selects;
    private long ioEvents;
    /**
     * The loop clock, read when the loop woke from a select that may block, when it had timers to
     * check, and every 16th busy iteration: when waits began, for snapshots, without a clock read
     * per wait. A wait's start is thus known to within a few iterations.
     */
    private long tick;
    /** Resources of the layers above that a test must see closed (client sessions), held weakly; loop thread only. */
    private final java.util.Map<Object, Boolean> resources = new java.util.WeakHashMap<>();
    /** The watchdog's recent reports, newest last; guarded by itself. */
    private final ArrayDeque<String> recentReports = new ArrayDeque<>();
    private static final int RECENT_REPORTS = 20;
    // watchdog thread only
    private long watchedSeq = -1;
    private long watchedSince;
    private boolean watchedReported;

    protected SelectorLoop(LoopOptions options, LoopClock clock) {
        this.id = LOOP_IDS.incrementAndGet();
        this.name = options.name() != null ? options.name() : "aio4j-loop-" + id;
        this.clock = clock;
        this.debug = options.debug() != null ? options.debug() : debugFromEnvironment();
        this.slowCallbackSetting = options.slowCallbackDuration();
        updateSlowCallbackNanos();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for event loop '" + name + "'", e);
        }
        LoopRegistry.register(this);
        this.monitor = options.monitorPort() == null ? null : MonitorLauncher.launch(options.monitorPort());
    }

    private static boolean debugFromEnvironment() {
        String p = System.getProperty("aio4j.debug");
        if (p == null) {
            p = System.getenv("AIO4J_DEBUG");
        }
        return p != null && !p.isBlank() && !p.equals("0") && !p.equalsIgnoreCase("false");
    }

    // ============================================================ hooks for the task layer

    /**
     * Tells whether the calling thread runs on the loop right now: it is the owner, or a thread
     * the loop has handed itself to (a task). Called on every loop-owned operation: keep it cheap.
     *
     * @param current the calling thread
     * @param owner the loop's thread, not {@code null}
     */
    protected boolean onLoopNow(Thread current, Thread owner) {
        return current == owner;
    }

    /** Tells whether the loop can run on the calling thread, or needs a thread of its own kind. */
    protected abstract boolean canRunOn(Thread t);

    /** Creates, unstarted, the thread the loop runs on when the caller's thread cannot host it. */
    protected abstract Thread newLoopThread(Runnable run);

    /** Runs work that is not a callback (a continuation) once the loop is closed. Never throws. */
    protected abstract void orphan(Runnable work);

    /** Returns the loop whose task the calling thread is, or {@code null}; any thread. */
    protected SelectorLoop loopOfCurrentTask() {
        return null;
    }

    /** Called on the loop's thread as it starts running (or being driven). */
    protected void onRunStart() {}

    /** Called on the loop's thread as it stops running. */
    protected void onRunEnd() {}

    /** Called by {@link #close()} while the loop is still open: report what is left behind. */
    protected void beforeClose() {}

    /** Called by {@link #close()} once the loop is closed and its queues are emptied. */
    protected void afterClose() {}

    /**
     * Describes what the step is for a blocked-loop report, from the watchdog thread.
     *
     * @param step the ready-queue item being run
     * @param blockedFor how long it has run
     * @return the report
     */
    protected BlockedStep describeBlockedStep(Runnable step, Duration blockedFor) {
        Thread o = owner;
        StackTraceElement[] stack = o == null ? new StackTraceElement[0] : o.getStackTrace();
        String culprit = step instanceof Handle ? "callback " + step : "step " + step;
        return new BlockedStep(culprit, null, step instanceof Handle h ? h : null, stack, "", o == null ? null : o.getState());
    }

    /**
     * A blocked-loop report in the making.
     *
     * @param culprit a short description of what holds the loop
     * @param task the task holding it, if any
     * @param handle the callback holding it, if any
     * @param stack the culprit's current stack
     * @param hint more words for the message (may be empty)
     * @param threadState the culprit thread's state: {@code RUNNABLE} when it computes, a waiting
     *     state when it is blocked in the JDK while holding the loop; {@code null} if unknown
     */
    public record BlockedStep(String culprit, io.aio4j.Task<?> task, Handle handle, StackTraceElement[] stack, String hint,
            Thread.State threadState) {}

    // ============================================================ thread checks

    /** Tells whether the calling thread may act as the loop thread right now. Thread-safe. */
    public final boolean inLoopThread() {
        Thread o = owner;
        return o != null && onLoopNow(Thread.currentThread(), o);
    }

    /**
     * Throws unless the calling thread may touch loop-owned state: the loop is not running, or the
     * caller is its thread or one of its tasks.
     */
    public final void checkThread() {
        Thread o = owner;
        if (o == null) {
            return;
        }
        Thread t = Thread.currentThread();
        if (!onLoopNow(t, o)) {
            throw new IllegalStateException("Non-thread-safe operation invoked on event loop '" + name
                    + "' from " + t + ", which is neither the loop's thread nor one of its tasks;"
                    + " use callSoonThreadsafe(...) to hand work to the loop");
        }
    }

    /** Throws {@link LoopClosedException} if the loop is closed. Thread-safe. */
    protected final void ensureOpen() {
        if (state == LoopState.CLOSED) {
            throw new LoopClosedException("Event loop '" + name + "' is closed");
        }
    }

    /**
     * Returns the loop running in the calling thread, or {@code null}.
     *
     * @return the loop whose thread this is, or that this thread is waiting for
     */
    public static SelectorLoop runningInThisThread() {
        return RUNNING.get();
    }

    /**
     * Returns the thread running the loop, or {@code null} when it is not running.
     *
     * @return the owner thread
     */
    public final Thread owner() {
        return owner;
    }

    // ============================================================ scheduling

    @Override
    public final Handle callSoon(Runnable callback) {
        ensureOpen();
        checkThread();
        HandleImpl h = new HandleImpl(callback, debug ? createdHere() : null);
        enqueue(h);
        return h;
    }

    @Override
    public final TimerHandle callLater(Duration delay, Runnable callback) {
        return callAt(clock.nanoTime() + delay.toNanos(), callback);
    }

    @Override
    public final TimerHandle callAt(long deadlineNanos, Runnable callback) {
        ensureOpen();
        checkThread();
        return timers.add(deadlineNanos, callback, debug ? createdHere() : null);
    }

    @Override
    public final Handle callSoonThreadsafe(Runnable callback) {
        ensureOpen();
        HandleImpl h = new HandleImpl(callback, debug ? createdHere() : null);
        inbound.offer(h);
        wakeup();
        return h;
    }

    /**
     * Schedules a callback with no checks, as {@code callSoon} would. Loop thread only.
     *
     * @param callback what to run
     */
    public final void enqueueCallback(Runnable callback) {
        if (state == LoopState.CLOSED) {
            return; // a task unwinding after close completes; nobody will run its callbacks
        }
        enqueue(new HandleImpl(callback, debug ? createdHere() : null));
    }

    /**
     * Appends work to the ready queue, after anything other threads handed over before. Loop
     * thread (or a thread allowed by {@link #checkThread()}) only; no checks.
     *
     * @param work a callback or a continuation
     */
    protected final void enqueue(Runnable work) {
        if (!inbound.isEmpty()) {
            drainInbound(); // keeps one FIFO across threads (ASYNCIO-SEMANTICS §3.8, 51)
        }
        ready.addLast(work);
    }

    /**
     * Runs work on the loop from any thread: appended to the ready queue from the loop's own
     * threads, queued with a wake-up from others, handed to {@link #orphan} once the loop is
     * closed. Thread-safe and never throws: the JDK calls it from its unparker and poller threads,
     * and a throw there would break socket I/O for the whole JVM.
     *
     * @param work a continuation or a callback
     */
    protected final void execute(Runnable work) {
        try {
            if (state != LoopState.CLOSED) {
                if (inLoopThread()) {
                    enqueue(work);
                    return;
                }
                inbound.offer(work);
                if (state != LoopState.CLOSED) {
                    wakeup();
                    return;
                }
                rescueInbound(); // closed meanwhile: nobody will drain it
                return;
            }
            orphan(work);
        } catch (Throwable t) {
            orphan(work);
        }
    }

    /** Wakes the selector if the loop is blocked in it. Thread-safe; at most one wakeup per sleep. */
    private void wakeup() {
        if (!(boolean) AWAKE.getVolatile(this) && AWAKE.compareAndSet(this, false, true)) {
            selector.wakeup();
            wakeups.incrementAndGet();
        }
    }

    /** Counts {@link Selector#wakeup()} calls, for the tests of the wake-up rule. */
    private final AtomicInteger wakeups = new AtomicInteger();

    /**
     * Returns how many times other threads woke the selector.
     *
     * @return the count since the loop was made
     */
    public final int wakeupCount() {
        return wakeups.get();
    }

    /** Counts the selects that may block, for the test that an interrupted loop does not spin. */
    private int sleeps;

    /**
     * Returns how many times the loop went into a select that may block. Loop thread only.
     *
     * @return the count since the loop was made
     */
    public final int sleepCount() {
        return sleeps;
    }

    private void drainInbound() {
        Runnable r;
        while ((r = inbound.poll()) != null) {
            ready.addLast(r);
        }
    }

    private void rescueInbound() {
        Runnable r;
        while ((r = inbound.poll()) != null) {
            if (!(r instanceof HandleImpl)) {
                orphan(r);
            }
        }
    }

    private static StackTraceElement[] createdHere() {
        return new Throwable().getStackTrace();
    }

    @Override
    public final long time() {
        return clock.nanoTime();
    }

    /**
     * Returns the loop's clock.
     *
     * @return the clock
     */
    public final LoopClock clock() {
        return clock;
    }

    /**
     * Registers a channel with the loop's selector. Loop thread only.
     *
     * @param channel a non-blocking channel
     * @param ops the interest set
     * @param handler what to do when it is ready
     * @return the key
     * @throws ClosedChannelException if the channel is closed
     */
    public final SelectionKey register(SelectableChannel channel, int ops, SelectionHandler handler)
            throws ClosedChannelException {
        ensureOpen();
        checkThread();
        channelsRegistered = true;
        return channel.register(selector, ops, handler);
    }

    /**
     * Returns the loop's instance of {@code type}, made by {@code create} on first use: per-loop
     * state of the layers above the loop (the network layer's buffers and open sockets, say). One
     * that is {@link AutoCloseable} is closed when the loop closes, before the selector. Loop
     * thread only.
     *
     * @param type the key, and the type of the value
     * @param create makes the value
     * @param <T> the type
     * @return the loop's value
     */
    public final <T> T attachment(Class<T> type, java.util.function.Supplier<? extends T> create) {
        checkThread();
        Object v = attachments.get(type);
        if (v == null) {
            ensureOpen();
            v = create.get();
            attachments.put(type, v);
        }
        return type.cast(v);
    }

    // ============================================================ one iteration

    /**
     * Notes that work was handed to another thread and will report back through
     * {@link #callSoonThreadsafe}: a virtual clock does not jump while such work is out. Loop thread only.
     */
    public final void outsideWorkStarted() {
        checkThread();
        outsideWork++;
    }

    /** Notes that outside work reported back (or never started). Loop thread only. */
    public final void outsideWorkEnded() {
        checkThread();
        outsideWork--;
    }

    /**
     * Runs one iteration of the loop. This is the only place where callbacks are called.
     *
     * @param mayBlock whether the loop may wait for I/O or timers when it has nothing ready
     */
    protected final void runOnce(boolean mayBlock) {
        iterations++;
        // Phase 1: drop cancelled timers once they are most of the heap.
        timers.pruneIfWorthIt();

        // Phase 2: how long may select block? Not at all if work is ready, was handed over, or we
        // are stopping (a virtual clock must not jump past a step that is already waiting).
        long timeout = (!mayBlock || stopping || !ready.isEmpty() || !inbound.isEmpty()) ? 0
                : clock.blockNanos(timers.nextDeadline(), outsideWork > 0);

        // Phase 3: select, then dispatch ready keys and take in what other threads handed over.
        if (select(timeout)) {
            if (timeout != 0) {
                tick = clock.nanoTime(); // it may have slept: a syscall's worth of time, so the clock is cheap here
            }
            dispatchSelectedKeys();
        }
        drainInbound();

        // Phase 4: due timers join the ready queue, after what is already there (§3.8, 52).
        if (!timers.isEmpty()) { // reading the clock costs ~20 ns: not when there is no timer
            long now = clock.nanoTime();
            tick = now;
            TimerHandleImpl timer;
            while ((timer = timers.pollDue(now)) != null) {
                if (!timer.cancelled()) {
                    ready.addLast(timer);
                }
            }
        }

        // Phase 5: run a snapshot of the ready queue; what these steps schedule waits a turn.
        int n = ready.size();
        if (n > 0 && timers.isEmpty() && (iterations & 15) == 0) {
            tick = clock.nanoTime(); // a loop that never sleeps: every 16th iteration, not per wait (~20 ns each)
        }
        for (; n > 0; n--) {
            runStep(ready.pollFirst());
        }
    }

    /** Selects; tells whether the selector was asked (so selected keys may wait). */
    private boolean select(long timeoutNanos) {
        try {
            selects++;
            if (timeoutNanos == 0) {
                if (!channelsRegistered) {
                    selects--;
                    return false; // selectNow is a syscall: skipped until a channel is registered
                }
                selector.selectNow();
                return true;
            }
            // An interrupted thread's select returns at once: the loop would spin. The flag is
            // cleared for the wait and set again after it, so whoever set it still sees it.
            boolean interrupted = Thread.interrupted();
            sleeps++;
            AWAKE.setVolatile(this, false);
            try {
                if (!inbound.isEmpty() || stopping) {
                    selector.selectNow(); // raced with a waker that saw us awake
                } else if (timeoutNanos < 0) {
                    selector.select();
                } else {
                    // select counts milliseconds; round up so a timer is never polled for early.
                    selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
                }
            } finally {
                AWAKE.setVolatile(this, true);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        } catch (IOException e) {
            callExceptionHandler(ExceptionContext.of("Selector failed in event loop '" + name + "'", e));
            return false;
        }
    }

    private void dispatchSelectedKeys() {
        if (selector.selectedKeys().isEmpty()) {
            return;
        }
        dispatching = true;
        try {
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                if (key.isValid() && key.attachment() instanceof SelectionHandler h) {
                    ioEvents++;
                    runStep(() -> h.onSelected(key));
                }
            }
        } finally {
            dispatching = false;
        }
        if (flushAfterDispatch) {
            flushAfterDispatch = false;
            flushCancelledKeys();
        }
    }

    /** Whether dispatchSelectedKeys is iterating the selected keys (a selectNow would disturb it). */
    private boolean dispatching;
    /** A flush asked for during dispatch, done after it. */
    private boolean flushAfterDispatch;

    /**
     * Makes the selector forget cancelled keys now, so channels closed while registered are really
     * closed now: NIO defers closing a registered channel until its key leaves the selector, at the
     * next select. A listening socket closed by {@code Server.close()} then refuses new connections
     * at once instead of accepting them into its backlog and resetting them later. Loop thread only.
     */
    public void flushCancelledKeys() {
        if (dispatching) {
            flushAfterDispatch = true;
            return;
        }
        try {
            selector.selectNow(); // ready keys it finds wait in selectedKeys for the next dispatch
        } catch (IOException e) {
            callExceptionHandler(ExceptionContext.of("Selector failed in event loop '" + name + "'", e));
        }
    }

    private void runStep(Runnable step) {
        STEP.setRelease(this, step);
        STEP_SEQ.setRelease(this, ++stepCount);
        try {
            step.run();
        } catch (Throwable e) {
            reportStepFailure(step, e);
        } finally {
            STEP.setRelease(this, (Runnable) null);
        }
    }

    private void reportStepFailure(Runnable step, Throwable e) {
        HandleImpl h = step instanceof HandleImpl hi ? hi : null;
        callExceptionHandler(new ExceptionContext("Exception in callback " + step, e, null, null, h, null,
                h == null ? null : h.sourceTraceback()));
    }

    // ============================================================ running and stopping

    @Override
    public final void runForever() {
        synchronized (this) {
            ensureOpen();
            if (state == LoopState.RUNNING) {
                throw new IllegalStateException("Event loop '" + name + "' is already running");
            }
            SelectorLoop other = RUNNING.get();
            if (other == null) {
                other = loopOfCurrentTask(); // a task runs inside its loop, though its thread is its own
            }
            if (other != null) {
                throw new IllegalStateException("Cannot run event loop '" + name
                        + "' while another loop ('" + other.name + "') is running in this thread");
            }
            state = LoopState.RUNNING;
        }
        if (canRunOn(Thread.currentThread())) {
            runHere();
        } else {
            runOnLoopThread();
        }
    }

    private void runHere() {
        Thread me = Thread.currentThread();
        owner = me;
        RUNNING.set(this);
        onRunStart();
        Watchdog.watch(this);
        try {
            do {
                runOnce(true);
            } while (!stopping);
        } finally {
            stopping = false;
            Watchdog.unwatch(this);
            onRunEnd();
            RUNNING.remove();
            owner = null;
            synchronized (this) {
                state = LoopState.IDLE;
            }
        }
    }

    /** Runs the loop on a thread of the kind it needs, and waits for it. */
    private void runOnLoopThread() {
        Throwable[] failure = new Throwable[1];
        Thread t = newLoopThread(() -> {
            try {
                runHere();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        RUNNING.set(this);
        boolean interrupted = false;
        try {
            t.start();
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop();
                }
            }
        } finally {
            RUNNING.remove();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
    }

    /** Thread-safe: the loop exits after the callbacks of its current iteration. */
    @Override
    public final void stop() {
        stopping = true;
        wakeup();
    }

    @Override
    public final boolean isRunning() {
        return state == LoopState.RUNNING;
    }

    @Override
    public final boolean isClosed() {
        return state == LoopState.CLOSED;
    }

    /**
     * Returns the lifecycle state. Thread-safe.
     *
     * @return the state
     */
    public final LoopState state() {
        return state;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (state == LoopState.RUNNING) {
                throw new IllegalStateException("Cannot close event loop '" + name + "' while it is running");
            }
            if (state == LoopState.CLOSED) {
                return;
            }
        }
        beforeClose();
        for (Object a : attachments.values()) {
            if (a instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    Log.LOGGER.log(System.Logger.Level.WARNING, "closing " + a + " of event loop '" + name + "' failed", e);
                }
            }
        }
        synchronized (this) {
            state = LoopState.CLOSED;
        }
        LoopRegistry.unregister(this);
        if (monitor != null) {
            try {
                monitor.close();
            } catch (Exception e) {
                Log.LOGGER.log(System.Logger.Level.WARNING, "closing the monitor of event loop '" + name + "' failed", e);
            }
        }
        // Continuations of virtual threads must not be lost: hand them to the orphan executor.
        for (Runnable r : ready) {
            if (!(r instanceof HandleImpl)) {
                orphan(r);
            }
        }
        ready.clear();
        rescueInbound();
        timers.clear();
        try {
            selector.close();
        } catch (IOException e) {
            Log.LOGGER.log(System.Logger.Level.WARNING, "closing the selector of event loop '" + name + "' failed", e);
        }
        afterClose();
    }

    /**
     * Runs iterations without blocking until nothing is ready and no timer is due. For the virtual
     * time driver. Loop thread, and the loop must not be running on another thread.
     *
     * @return how many iterations ran
     */
    protected final int runUntilIdleOnce() {
        int iterations = 0;
        do {
            runOnce(false);
            iterations++;
        } while (!ready.isEmpty() || !inbound.isEmpty() || timers.nextDeadline() <= clock.nanoTime());
        return iterations;
    }

    /**
     * Returns the deadline of the next timer, cancelled or not.
     *
     * @return the deadline, or {@link LoopClock#NO_DEADLINE}
     */
    protected final long nextTimerDeadline() {
        return timers.nextDeadline();
    }

    /**
     * Marks the loop as running on the calling thread for a driver that runs iterations itself
     * ({@code runUntilIdle} of the test loop), then runs {@code body}.
     *
     * @param body what to run while owning the loop
     */
    protected final void driveHere(Runnable body) {
        synchronized (this) {
            ensureOpen();
            if (state == LoopState.RUNNING) {
                throw new IllegalStateException("Event loop '" + name + "' is already running");
            }
            if (RUNNING.get() != null || loopOfCurrentTask() != null) {
                throw new IllegalStateException("Cannot drive event loop '" + name + "' while another loop runs in this thread");
            }
            state = LoopState.RUNNING;
        }
        owner = Thread.currentThread();
        RUNNING.set(this);
        onRunStart();
        try {
            body.run();
        } finally {
            onRunEnd();
            RUNNING.remove();
            owner = null;
            synchronized (this) {
                state = LoopState.IDLE;
            }
        }
    }

    // ============================================================ errors

    @Override
    public final void setExceptionHandler(ExceptionHandler handler) {
        this.handler = handler;
    }

    @Override
    public final ExceptionHandler exceptionHandler() {
        return handler;
    }

    @Override
    public final void callExceptionHandler(ExceptionContext context) {
        ExceptionHandler h = handler;
        if (h == null) {
            try {
                defaultExceptionHandler(context);
            } catch (Throwable t) {
                Log.LOGGER.log(System.Logger.Level.ERROR, "Exception in default exception handler", t);
            }
            return;
        }
        try {
            h.handle(this, context);
        } catch (Throwable t) {
            try {
                defaultExceptionHandler(new ExceptionContext("Unhandled error in exception handler", t,
                        context.future(), context.task(), context.handle(), context.blockedFor(), null));
                defaultExceptionHandler(context);
            } catch (Throwable t2) {
                Log.LOGGER.log(System.Logger.Level.ERROR, "Exception in default exception handler while handling an"
                        + " unexpected error in a custom exception handler", t2);
            }
        }
    }

    @Override
    public void defaultExceptionHandler(ExceptionContext context) {
        StringBuilder sb = new StringBuilder(context.message());
        if (context.task() != null) {
            sb.append("\n  task: ").append(context.task());
        } else if (context.future() != null) {
            sb.append("\n  future: ").append(context.future());
        }
        if (context.handle() != null) {
            sb.append("\n  handle: ").append(context.handle());
        }
        if (context.blockedFor() != null) {
            sb.append("\n  blocked for: ").append(context.blockedFor().toMillis()).append(" ms");
        }
        List<StackTraceElement> src = context.sourceTraceback();
        if (src != null) {
            sb.append("\n  created at:");
            for (StackTraceElement e : src) {
                sb.append("\n    ").append(e);
            }
        }
        System.Logger.Level level = context.blockedFor() != null ? System.Logger.Level.WARNING : System.Logger.Level.ERROR;
        Log.LOGGER.log(level, sb.toString(), context.exception());
    }

    // ============================================================ debug and watchdog

    @Override
    public final boolean debug() {
        return debug;
    }

    @Override
    public final void setDebug(boolean enabled) {
        debug = enabled;
        updateSlowCallbackNanos();
    }

    @Override
    public final Duration slowCallbackDuration() {
        return Duration.ofNanos(slowCallbackNanos);
    }

    @Override
    public final void setSlowCallbackDuration(Duration threshold) {
        if (threshold != null && threshold.isNegative()) {
            throw new IllegalArgumentException("threshold must not be negative: " + threshold);
        }
        slowCallbackSetting = threshold;
        updateSlowCallbackNanos();
    }

    private void updateSlowCallbackNanos() {
        Duration d = slowCallbackSetting != null ? slowCallbackSetting : debug ? DEBUG_SLOW_CALLBACK : DEFAULT_SLOW_CALLBACK;
        slowCallbackNanos = d.toNanos();
    }

    final long slowCallbackNanos() {
        return slowCallbackNanos;
    }

    /** Watchdog thread only: one sample of the current step. */
    final void watchdogTick(long now) {
        long threshold = slowCallbackNanos;
        Runnable step = (Runnable) STEP.getAcquire(this);
        long seq = (long) STEP_SEQ.getAcquire(this);
        if (threshold == 0 || step == null) {
            watchedSeq = -1;
            return;
        }
        if (seq != watchedSeq) {
            watchedSeq = seq;
            watchedSince = now;
            watchedReported = false;
            return;
        }
        if (!watchedReported && now - watchedSince >= threshold) {
            watchedReported = true;
            reportBlocked(step, Duration.ofNanos(now - watchedSince));
        }
    }

    private void reportBlocked(Runnable step, Duration blockedFor) {
        BlockedStep b = describeBlockedStep(step, blockedFor);
        String message = b.culprit() + " has blocked event loop '" + name + "' for at least "
                + blockedFor.toMillis() + " ms (threshold " + slowCallbackDuration().toMillis() + " ms)" + b.hint();
        var ex = new io.aio4j.BlockedLoopException(message, b.culprit(), blockedFor, b.stack());
        ExceptionContext ctx = new ExceptionContext(message, ex, b.task(), b.task(), b.handle(), blockedFor, null);
        ExceptionHandler h = handler;
        synchronized (recentReports) {
            if (recentReports.size() == RECENT_REPORTS) {
                recentReports.pollFirst();
            }
            recentReports.addLast(java.time.Instant.now() + " " + message);
        }
        LoopEvents.blocked(this, b, blockedFor);
        Log.LOGGER.log(System.Logger.Level.WARNING, message, ex);
        if (h != null) {
            try {
                h.handle(this, ctx);
            } catch (Throwable t) {
                Log.LOGGER.log(System.Logger.Level.ERROR, "Unhandled error in exception handler", t);
            }
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long id() {
        return id;
    }

    /**
     * Returns a recent reading of the loop clock (within a few iterations): the time a wait
     * starts, without reading the clock per wait. Loop thread only.
     *
     * @return the time, in the clock's nanoseconds
     */
    public final long tick() {
        return tick;
    }

    /**
     * Returns the loop's counters. On the loop thread they are exact; from another thread (a
     * blocked loop's snapshot) they are a racy read.
     *
     * @param tasks how many tasks are not yet done
     * @return the statistics
     */
    protected final io.aio4j.LoopStatistics statistics(int tasks) {
        int channels;
        try {
            channels = selector.keys().size();
        } catch (RuntimeException closed) {
            channels = 0;
        }
        return new io.aio4j.LoopStatistics(iterations, stepCount, selects, sleeps, ioEvents, timers.size(),
                ready.size(), channels, tasks);
    }

    /**
     * Notes a resource that should be closed before the loop is (a client session), for
     * {@link #openResources()}. Held weakly: a resource dropped without closing is the business of
     * its own leak report. Loop thread only.
     *
     * @param resource the resource; its {@code toString()} names it
     */
    public final void resourceOpened(Object resource) {
        resources.put(resource, Boolean.TRUE);
    }

    /**
     * Notes that a resource from {@link #resourceOpened} is closed. Loop thread only.
     *
     * @param resource the resource
     */
    public final void resourceClosed(Object resource) {
        resources.remove(resource);
    }

    /**
     * Describes what is open on this loop: each channel registered with its selector (sockets,
     * servers, pipes) and each resource noted by {@link #resourceOpened}. A test that ends with
     * something here leaked it. Loop thread, or any thread while the loop is not running.
     *
     * @return one description per open thing
     */
    public final java.util.List<String> openResources() {
        java.util.List<String> out = new java.util.ArrayList<>();
        try {
            for (SelectionKey k : selector.keys()) {
                if (k.isValid() && k.channel().isOpen()) {
                    out.add(describe(k.channel()));
                }
            }
        } catch (java.nio.channels.ClosedSelectorException closed) {
            // a closed loop has no channels
        }
        for (Object r : resources.keySet()) {
            out.add(String.valueOf(r));
        }
        return out;
    }

    private static String describe(java.nio.channels.SelectableChannel c) {
        try {
            if (c instanceof java.nio.channels.ServerSocketChannel server) {
                return "server socket listening on " + server.getLocalAddress();
            }
            if (c instanceof java.nio.channels.SocketChannel socket) {
                return "socket " + socket.getLocalAddress() + " -> " + socket.getRemoteAddress();
            }
            if (c instanceof java.nio.channels.DatagramChannel udp) {
                return "datagram socket on " + udp.getLocalAddress();
            }
        } catch (IOException e) {
            // closed meanwhile: the class name has to do
        }
        return c.getClass().getSimpleName();
    }

    /**
     * Returns the watchdog's recent reports, oldest first. Any thread.
     *
     * @return up to 20 reports, each prefixed with its time
     */
    protected final java.util.List<String> recentReports() {
        synchronized (recentReports) {
            return java.util.List.copyOf(recentReports);
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " '" + name + "' " + state.name().toLowerCase()
                + (debug ? " debug" : "") + " ready=" + ready.size() + " timers=" + timers.size() + ">";
    }
}
