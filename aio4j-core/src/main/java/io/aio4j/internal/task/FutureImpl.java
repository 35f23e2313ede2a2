package io.aio4j.internal.task;

import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.InvalidStateException;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * asyncio's Future on one {@link TaskLoop}. Loop thread (or its tasks) only for every method that
 * changes it; {@link #done()} and {@link #cancelled()} may be read from anywhere.
 *
 * <p>Callbacks are kept in one field: {@code null}, a single entry, or a {@link CallbackList}. An
 * entry is a user {@link Consumer} (scheduled with {@code callSoon} when the future completes) or a
 * {@link TaskImpl} waiting in {@code await} (resumed directly: its continuation takes the place in
 * the ready queue the wake-up callback would have taken, one hop fewer).
 *
 * @param <T> the result type
 */
public class FutureImpl<T> implements Future<T> {
    final TaskLoop loop;
    /**
     * Written on the loop thread with release stores, read with acquire loads, so other threads
     * can poll {@code done()} without a full fence on every change (or construction).
     */
    private FutureState state = FutureState.PENDING;
    private static final java.lang.invoke.VarHandle STATE;

    static {
        try {
            STATE = java.lang.invoke.MethodHandles.lookup().findVarHandle(FutureImpl.class, "state", FutureState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private T result;
    private Throwable exception;
    private String cancelMessage;
    /** {@code null}, one entry, or a {@link CallbackList}. Loop thread only. */
    private Object callbacks;
    /** Whether someone asked for the exception; unretrieved task exceptions are reported. */
    boolean retrieved;
    /** The gathering being set up that has already seen this future as a child; null otherwise. */
    GatheringFuture<?> gatheredBy;

    /** A list of callbacks, typed so a user's callback can never be mistaken for one. */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }

    FutureImpl(TaskLoop loop) {
        this.loop = loop;
    }

    @Override
    public final boolean done() {
        return state() != FutureState.PENDING;
    }

    @Override
    public final boolean cancelled() {
        return state() == FutureState.CANCELLED;
    }

    final FutureState state() {
        return (FutureState) STATE.getAcquire(this);
    }

    private void setState(FutureState s) {
        STATE.setRelease(this, s);
    }

    @Override
    public final T result() {
        switch (state) {
            case CANCELLED -> throw new CancelledError(cancelMessage);
            case PENDING -> throw new InvalidStateException("Result is not ready: " + this);
            default -> {
                if (exception != null) {
                    retrieved = true;
                    throw Throwables.rethrow(exception);
                }
                return result;
            }
        }
    }

    @Override
    public final Throwable exception() {
        switch (state) {
            case CANCELLED -> throw new CancelledError(cancelMessage);
            case PENDING -> throw new InvalidStateException("Exception is not set: " + this);
            default -> {
                retrieved = true;
                return exception;
            }
        }
    }

    /** The exception, without counting as retrieving it. */
    final Throwable peekException() {
        return exception;
    }

    /** The cancel message of a cancelled future. */
    final String cancelMessage() {
        return cancelMessage;
    }

    @Override
    public boolean cancel(String message) {
        loop.checkThread();
        return cancelFuture(message);
    }

    /** Marks this future cancelled and schedules its callbacks; false if already done. */
    final boolean cancelFuture(String message) {
        if (state != FutureState.PENDING) {
            return false;
        }
        cancelMessage = message;
        setState(FutureState.CANCELLED);
        scheduleCallbacks();
        return true;
    }

    @Override
    public final void setResult(T value) {
        if (!trySetResult(value)) {
            throw new InvalidStateException("Cannot set the result of a future that is done: " + this);
        }
    }

    @Override
    public final void setException(Throwable e) {
        if (!trySetException(e)) {
            throw new InvalidStateException("Cannot set the exception of a future that is done: " + this);
        }
    }

    @Override
    public final boolean trySetResult(T value) {
        loop.checkThread();
        if (state != FutureState.PENDING) {
            return false;
        }
        result = value;
        setState(FutureState.FINISHED);
        scheduleCallbacks();
        return true;
    }

    @Override
    public final boolean trySetException(Throwable e) {
        if (e == null) {
            throw new NullPointerException("exception");
        }
        if (e instanceof CancelledError) {
            throw new IllegalArgumentException("A CancelledError cannot be set as an exception; call cancel() instead");
        }
        loop.checkThread();
        if (state != FutureState.PENDING) {
            return false;
        }
        finishWithException(e);
        return true;
    }

    /** Completes with an exception, no checks. Loop thread only. */
    final void finishWithException(Throwable e) {
        exception = e;
        setState(FutureState.FINISHED);
        scheduleCallbacks();
    }

    /** Completes with a result, no checks. Loop thread only. */
    final void finishWithResult(T value) {
        result = value;
        setState(FutureState.FINISHED);
        scheduleCallbacks();
    }

    @Override
    public final void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        loop.checkThread();
        addEntry(callback);
    }

    /** Registers a task waiting in {@code await}. Loop thread only. */
    final void addWaiter(TaskImpl<?> task) {
        addEntry(task);
    }

    private void addEntry(Object entry) {
        if (state != FutureState.PENDING) {
            dispatch(entry);
            return;
        }
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = entry;
        } else if (cbs instanceof CallbackList list) {
            list.add(entry);
        } else {
            CallbackList list = new CallbackList();
            list.add(cbs);
            list.add(entry);
            callbacks = list;
        }
    }

    @Override
    public final int removeDoneCallback(Consumer<? super Future<T>> callback) {
        loop.checkThread();
        Object cbs = callbacks;
        if (cbs == null) {
            return 0;
        }
        if (cbs instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(e -> e == callback);
            int removed = before - list.size();
            if (list.isEmpty()) {
                callbacks = null;
            }
            return removed;
        }
        if (cbs == callback) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof CallbackList list) {
            for (Object e : list) {
                dispatch(e);
            }
        } else {
            dispatch(cbs);
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(Object entry) {
        if (entry instanceof TaskImpl<?> waiter) {
            loop.scheduling.resume(waiter);
        } else {
            Consumer<? super Future<T>> c = (Consumer<? super Future<T>>) entry;
            loop.enqueueCallback(() -> c.accept(this));
        }
    }

    @Override
    public final EventLoop loop() {
        return loop;
    }

    @Override
    public final CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> cf = new CompletableFuture<>();
        Runnable hook = () -> addDoneCallback(f -> completeInto(cf));
        if (loop.inLoopThread() || loop.owner() == null) {
            hook.run();
        } else {
            loop.callSoonThreadsafe(hook);
        }
        return cf;
    }

    private void completeInto(CompletableFuture<T> cf) {
        switch (state) {
            case CANCELLED -> cf.completeExceptionally(new CancellationException(cancelMessage));
            case FINISHED -> {
                if (exception != null) {
                    retrieved = true;
                    cf.completeExceptionally(exception);
                } else {
                    cf.complete(result);
                }
            }
            default -> throw new AssertionError("callback of a pending future");
        }
    }

    /** What a task waiting on this future waits for: a String, a Supplier of one, or {@code null}. */
    private Object waitLabel;

    /**
     * Names what a task waiting on {@code future} waits for, for {@link io.aio4j.LoopSnapshot}s
     * ({@code "read from /10.0.0.1:443"}). Loop thread only; does nothing to other futures.
     *
     * @param future an aio4j future
     * @param label the words
     * @param <F> the future's type
     * @return the future
     */
    public static <F extends Future<?>> F label(F future, String label) {
        return labelWith(future, label);
    }

    /**
     * Names what a task waiting on {@code future} waits for, in words made only when a snapshot
     * asks: for waits made often, such as each read of a stream. Loop thread only.
     *
     * @param future an aio4j future
     * @param label makes the words
     * @param <F> the future's type
     * @return the future
     */
    public static <F extends Future<?>> F label(F future, Supplier<String> label) {
        return labelWith(future, label);
    }

    private static <F extends Future<?>> F labelWith(F future, Object label) {
        if (future instanceof FutureImpl<?> f) {
            f.waitLabel = label;
        }
        return future;
    }

    /** What waiting on this future means, for a snapshot. Loop thread only. */
    String describeWait() {
        Object l = waitLabel;
        if (l instanceof Supplier<?> s) {
            return String.valueOf(s.get());
        }
        return l != null ? (String) l : toString();
    }

    @Override
    public String toString() {
        return "<Future " + describeState() + ">";
    }

    /** The state part of {@code toString()}: {@code pending}, {@code cancelled}, {@code finished result=...}. */
    final String describeState() {
        return switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> cancelMessage == null ? "cancelled" : "cancelled message='" + cancelMessage + "'";
            case FINISHED -> exception != null ? "finished exception=" + exception : "finished result=" + abbreviate(result);
        };
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
