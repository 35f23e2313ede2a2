package io.aio4j.internal.task;

import io.aio4j.CancelledError;
import io.aio4j.DeadlineExceededException;
import io.aio4j.Handle;
import io.aio4j.Timeout;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * asyncio's {@code Timeout} (CPython {@code timeouts.py}) as a scope around a body. Loop thread
 * only. The scope remembers its task's {@code cancelling()} count on entry; when its deadline fires
 * it cancels the task, and on exit it takes its own request back with {@code uncancel()} and turns
 * the {@link CancelledError} into a {@link DeadlineExceededException} only if no other request is
 * left (so nested scopes and outside cancellations keep their meaning).
 *
 * <pre>
 * state     | deadline fires        | body ends
 * ----------+-----------------------+--------------------------------------
 * ENTERED   | cancel task: EXPIRING | EXITED
 * EXPIRING  | -                     | EXPIRED (uncancel; maybe convert)
 * </pre>
 */
public final class TimeoutScope implements Timeout {
    /** The deadline of a scope that has none. */
    public static final long NONE = Long.MIN_VALUE;

    private enum State { ENTERED, EXPIRING, EXPIRED, EXITED }

    private final TaskImpl<?> task;
    private final int cancellingOnEntry;
    private State state = State.ENTERED;
    private long when = NONE;
    private Handle handle;

    private TimeoutScope(TaskImpl<?> task) {
        this.task = task;
        this.cancellingOnEntry = task.cancelling();
    }

    /**
     * Runs {@code body} with a deadline on the loop's clock.
     *
     * @param deadline the deadline, or {@link #NONE}
     * @param body the body
     * @param <T> the result type
     * @return the body's result
     */
    public static <T> T run(long deadline, Timeout.Body<T> body) {
        return run(deadline, body, false);
    }

    /**
     * Like {@link #run}, but returns {@code null} instead of throwing when this scope's deadline
     * fired (trio's {@code move_on_after}, kotlinx's {@code withTimeoutOrNull}). A nested scope's
     * timeout that escapes its own scope still propagates.
     *
     * @param deadline the deadline, or {@link #NONE}
     * @param body the body
     * @param <T> the result type
     * @return the body's result, or {@code null} if it timed out
     */
    public static <T> T runOrNull(long deadline, Timeout.Body<T> body) {
        return run(deadline, body, true);
    }

    private static <T> T run(long deadline, Timeout.Body<T> body, boolean orNull) {
        TaskImpl<?> task = Coroutines.requireTask("Aio.withTimeout()");
        TimeoutScope scope = new TimeoutScope(task);
        scope.reschedule(deadline);
        T result;
        try {
            result = body.run(scope);
        } catch (Throwable t) {
            RuntimeException out = scope.leave(t);
            if (orNull && out instanceof ScopeExpired expired && expired.scope == scope) {
                return null;
            }
            throw out;
        }
        scope.leave(null);
        return result;
    }

    /** The deadline converted by a scope: distinguishes its own timeout from a nested one's. */
    private static final class ScopeExpired extends DeadlineExceededException {
        private static final long serialVersionUID = 1L;
        private final transient TimeoutScope scope;

        ScopeExpired(TimeoutScope scope, CancelledError cause) {
            super("the timeout expired", cause);
            this.scope = scope;
        }
    }

    /** Leaves the scope after the body; returns what to throw (or null when it returned). */
    private RuntimeException leave(Throwable t) {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingOnEntry && t instanceof CancelledError ce) {
                return new ScopeExpired(this, ce);
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return t == null ? null : Throwables.rethrow(t);
    }

    @Override
    public OptionalLong when() {
        return when == NONE ? OptionalLong.empty() : OptionalLong.of(when);
    }

    @Override
    public void reschedule(long deadline) {
        if (state != State.ENTERED) {
            throw new IllegalStateException("Cannot reschedule a timeout that is " + state.name().toLowerCase());
        }
        when = deadline;
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (deadline == NONE) {
            return;
        }
        TaskLoop loop = task.loop;
        handle = deadline <= loop.time() ? loop.callSoon(this::onTimeout) : loop.callAt(deadline, this::onTimeout);
    }

    @Override
    public void rescheduleAfter(Duration delay) {
        reschedule(delay == null ? NONE : task.loop.time() + delay.toNanos());
    }

    @Override
    public void disable() {
        reschedule(NONE);
    }

    private void onTimeout() {
        handle = null;
        if (state == State.ENTERED) {
            task.cancel(null);
            state = State.EXPIRING;
        }
    }

    @Override
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    @Override
    public String toString() {
        return "<Timeout " + state.name().toLowerCase() + (when == NONE ? "" : " when=" + when) + ">";
    }
}
