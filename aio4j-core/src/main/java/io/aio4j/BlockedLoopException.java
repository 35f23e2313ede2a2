package io.aio4j;

import java.time.Duration;

/**
 * Reports, while it is still happening, that one callback or one task step has held the loop
 * thread longer than the loop's {@link EventLoop#slowCallbackDuration() threshold}. It is never
 * thrown: the watchdog hands it to the {@link ExceptionHandler} and the log. Its stack trace is the
 * culprit's stack at the moment of the report, so a log shows where the loop is stuck.
 *
 * <p>Typical causes: CPU-bound work, a call that pins the carrier thread (file or FIFO reads, JNI,
 * a class initialiser), or in the portable scheduling mode any JDK-blocking call. Move such work to
 * another thread.
 */
public class BlockedLoopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String culprit;
    private final transient Duration blockedFor;

    /**
     * Creates a report.
     *
     * @param message the full description
     * @param culprit a short name of what holds the loop: {@code "Task 'x'"} or a callback
     * @param blockedFor how long it has held the loop so far
     * @param stack the culprit's current stack
     */
    public BlockedLoopException(String message, String culprit, Duration blockedFor, StackTraceElement[] stack) {
        super(message, null, false, true);
        this.culprit = culprit;
        this.blockedFor = blockedFor;
        setStackTrace(stack);
    }

    /**
     * Returns what holds the loop.
     *
     * @return e.g. {@code "Task 'fetch'"}
     */
    public String culprit() {
        return culprit;
    }

    /**
     * Returns how long the step had held the loop when it was reported.
     *
     * @return the time so far
     */
    public Duration blockedFor() {
        return blockedFor;
    }
}
