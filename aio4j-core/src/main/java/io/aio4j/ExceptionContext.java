package io.aio4j;

import java.time.Duration;
import java.util.List;

/**
 * What an {@link ExceptionHandler} is told: asyncio's exception-handler context, as a record.
 * Only {@code message} is always present; the other fields are {@code null} when they do not
 * apply.
 *
 * @param message what happened, in words, e.g. {@code "Exception in callback ..."},
 *     {@code "Task exception was never retrieved"}, {@code "Task was destroyed but it is pending!"}
 *     or {@code "Task 'x' has blocked event loop 'main' for at least 120 ms (threshold 100 ms)"}
 * @param exception the exception involved; for a blocked loop, a {@link BlockedLoopException}
 *     whose stack trace is the culprit's current stack
 * @param future the future or task the report is about (a task appears here and in
 *     {@code task})
 * @param task the task the report is about: the one that failed, was left pending, or is
 *     blocking the loop
 * @param handle the callback that threw, or that is blocking the loop
 * @param blockedFor for a blocked-loop report, how long the current step has held the loop
 *     thread so far; {@code null} otherwise
 * @param sourceTraceback in debug mode, where the task or callback was created; otherwise
 *     {@code null}
 */
public record ExceptionContext(
        String message,
        Throwable exception,
        Future<?> future,
        Task<?> task,
        Handle handle,
        Duration blockedFor,
        List<StackTraceElement> sourceTraceback) {

    /**
     * Creates a context holding only a message and an exception.
     *
     * @param message what happened
     * @param exception the exception, or {@code null}
     * @return the context
     */
    public static ExceptionContext of(String message, Throwable exception) {
        return new ExceptionContext(message, exception, null, null, null, null, null);
    }

    /**
     * Checks the context.
     *
     * @throws NullPointerException if {@code message} is null
     */
    public ExceptionContext {
        if (message == null) {
            throw new NullPointerException("message");
        }
        sourceTraceback = sourceTraceback == null ? null : List.copyOf(sourceTraceback);
    }
}
