package io.aio4j.internal.group;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.ExceptionGroup;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.TaskGroup;
import io.aio4j.internal.task.TaskImpl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Loop thread only (the body and {@link #exit} run in the parent task, {@link #onChildDone} in loop
 * callbacks; every field is confined to the loop). asyncio's {@code TaskGroup} (CPython
 * {@code taskgroups.py}) on aio4j's public API alone.
 *
 * <p>The group cancels its parent task (the one running the body) at most once, when a child
 * fails or {@link #cancel()} is called, remembers that in {@link #parentCancelRequested}, and takes
 * exactly that request back with {@code uncancel()} on exit: a {@link CancelledError} is swallowed
 * only if no other request is left, so a cancellation from outside still propagates.
 *
 * <pre>
 * state    | body leaves | last child done (exit's wait ends)
 * ---------+-------------+-----------------------------------
 * BODY     | JOINING     | -
 * JOINING  | -           | DONE
 * DONE     | -           | -
 * </pre>
 * Independently, {@link #aborting} becomes true (once, in BODY or JOINING) when a child fails (not
 * in a supervisor), the body throws, the parent is cancelled from outside, or {@link #cancel()} is
 * called: the children are cancelled and the group refuses new ones.
 */
public final class TaskGroupImpl implements TaskGroup, TaskImpl.Grouping {
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    private final long id = IDS.incrementAndGet();
    private enum State { BODY, JOINING, DONE }

    private final Task<?> parent;
    private final EventLoop loop;
    private final boolean supervisor;
    private final Consumer<Future<?>> onDone = this::onChildDone;
    private State state = State.BODY;
    private boolean aborting;
    /** Whether this group called {@code parent.cancel()}; if so, exit must call {@code uncancel()}. */
    private boolean parentCancelRequested;
    /** Children not done yet, in creation order. */
    private final Set<Task<?>> children = new LinkedHashSet<>();
    /** Failures ({@link Exception}s, never a cancellation), in the order they happened. */
    private final List<Exception> errors = new ArrayList<>();
    /** The first fatal throwable (an Error, an InterruptedException): thrown, the rest as its suppressed. */
    private Throwable fatal;
    private final List<Throwable> otherFatal = new ArrayList<>();
    /** What exit waits on while children run; completed by the last child's done callback. */
    private Future<Void> allDone;

    private TaskGroupImpl(Task<?> parent, boolean supervisor) {
        this.parent = parent;
        this.loop = parent.loop();
        this.supervisor = supervisor;
    }

    /**
     * Runs {@code body} as the block of a new group in the calling task, then waits for the
     * children; see {@link TaskGroup#run}.
     *
     * @param supervisor whether failing children leave their siblings alone
     * @param body the block
     * @param <T> the result type
     * @return the body's result, or {@code null} if {@link #cancel()} cancelled it
     */
    public static <T> T run(boolean supervisor, TaskGroup.Body<T> body) {
        Task<?> parent = Aio.currentTask();
        if (parent == null) {
            throw new IllegalStateException("TaskGroup.run() suspends the calling task, but " + Thread.currentThread()
                    + " is not a task of a running event loop; call it inside a coroutine started with Aio.run(...)"
                    + " or createTask(...)");
        }
        TaskGroupImpl group = new TaskGroupImpl(parent, supervisor);
        T result = null;
        Throwable bodyError = null;
        try {
            result = body.call(group);
        } catch (Throwable t) {
            bodyError = t;
        }
        group.exit(bodyError);
        return result;
    }

    // ============================================================ exit: CPython's _aexit

    /** Waits for the children, then returns normally or throws what the group amounts to. */
    private void exit(Throwable bodyError) {
        CancelledError propagate = bodyError instanceof CancelledError ce ? ce : null;
        if (bodyError != null && isFatal(bodyError)) {
            noteFatal(bodyError);
        }
        state = State.JOINING;
        if (bodyError != null && !aborting) {
            abort(); // the body threw, or the parent is being cancelled from outside
        }
        // A loop, since the wait can be cancelled again and again (the parent cancelled from
        // outside repeatedly, or by this group while it already aborts).
        while (!children.isEmpty()) {
            allDone = io.aio4j.internal.task.FutureImpl.label(loop.createFuture(), label() + ": its children to end");
            try {
                Aio.await(allDone);
            } catch (CancelledError ex) {
                if (!aborting) {
                    propagate = ex; // cancelled from outside while the children run
                    abort();
                }
            }
            allDone = null;
        }
        state = State.DONE;
        if (bodyError instanceof Exception e && !isFatal(e)) {
            errors.add(e); // last, after the children's failures (CPython)
        }
        if (parentCancelRequested && parent.uncancel() == 0) {
            propagate = null; // the only request was ours: it has done its job
        }
        if (fatal != null) {
            rearmOutsideCancellation();
            throw fatalToThrow();
        }
        if (!errors.isEmpty()) {
            // Failures win over a cancellation from outside; re-arm it so the task still gets it.
            rearmOutsideCancellation();
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
        if (propagate != null) {
            throw propagate;
        }
    }

    /** CPython: uncancel and cancel again, so the count stays and the request is delivered anew. */
    private void rearmOutsideCancellation() {
        if (parent.cancelling() > 0) {
            parent.uncancel();
            parent.cancel();
        }
    }

    private RuntimeException fatalToThrow() {
        Throwable out = fatal instanceof Error e ? e : new CompletionException(fatal);
        for (Throwable t : otherFatal) {
            out.addSuppressed(t);
        }
        for (Exception e : errors) {
            out.addSuppressed(e);
        }
        if (out instanceof Error e) {
            throw e;
        }
        return (RuntimeException) out;
    }

    /**
     * Errors (other than a cancellation), {@link InterruptedException}, and throwables that are
     * neither: they propagate as themselves, never inside an {@link ExceptionGroup}.
     */
    private static boolean isFatal(Throwable t) {
        return !(t instanceof Exception || t instanceof CancelledError) || t instanceof InterruptedException;
    }

    private void noteFatal(Throwable t) {
        if (fatal == null) {
            fatal = t;
        } else {
            otherFatal.add(t);
        }
    }

    // ============================================================ children

    private void abort() {
        aborting = true;
        for (Task<?> t : List.copyOf(children)) {
            t.cancel();
        }
    }

    /** CPython's {@code _on_task_done}: a loop callback. */
    private void onChildDone(Future<?> f) {
        Task<?> task = (Task<?>) f;
        children.remove(task);
        if (allDone != null && children.isEmpty()) {
            allDone.trySetResult(null);
        }
        if (task.cancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        boolean fatalOne = isFatal(exc);
        if (fatalOne) {
            noteFatal(exc);
        } else {
            errors.add((Exception) exc);
        }
        if (parent.done()) {
            // run() waits for every child, so this should not happen; report rather than lose it.
            loop.callExceptionHandler(new ExceptionContext("Task " + task + " has errored out but its parent task "
                    + parent + " is already completed", exc, task, task, null, null, null));
            return;
        }
        if ((!supervisor || fatalOne) && !aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parent.cancel(); // stops the body's current wait; exit takes this request back
        }
    }

    @Override
    public <T> Task<T> createTask(AsyncCallable<T> body, String name) {
        return adopt(loop.createTask(check(body), name));
    }

    @Override
    public <T> Task<T> createTask(AsyncCallable<T> body) {
        return createTask(body, null);
    }

    @Override
    public Task<Void> createTask(AsyncRunnable body) {
        return createTask(body, null);
    }

    @Override
    public Task<Void> createTask(AsyncRunnable body, String name) {
        return createTask(check(body).asCallable(), name);
    }

    private <B> B check(B body) {
        if (body == null) {
            throw new NullPointerException("body");
        }
        if (state == State.DONE || (state == State.JOINING && children.isEmpty())) {
            throw new IllegalStateException(this + " is finished: it cannot create tasks any more");
        }
        if (aborting) {
            throw new IllegalStateException(this + " is shutting down: it cannot create tasks any more");
        }
        return body;
    }

    private <T> Task<T> adopt(Task<T> task) {
        children.add(task);
        if (task instanceof TaskImpl<?> t) {
            t.setGroup(this);
        }
        task.addDoneCallback(onDone);
        return task;
    }

    // ============================================================ cancel()

    @Override
    public void cancel() {
        if (state == State.DONE || (state == State.JOINING && children.isEmpty())) {
            return;
        }
        if (!aborting) {
            abort();
        }
        if (!parentCancelRequested) {
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    @Override
    public boolean supervisor() {
        return supervisor;
    }

    @Override
    public String label() {
        return (supervisor ? "supervisor TaskGroup-" : "TaskGroup-") + id + " of '" + parent.name() + "'";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TaskGroup");
        if (supervisor) {
            sb.append(" supervisor");
        }
        sb.append(' ').append(state.name().toLowerCase());
        if (aborting) {
            sb.append(" aborting");
        }
        if (!children.isEmpty()) {
            sb.append(" tasks=").append(children.size());
        }
        if (!errors.isEmpty()) {
            sb.append(" errors=").append(errors.size());
        }
        return sb.append(" parent='").append(parent.name()).append("'>").toString();
    }
}
