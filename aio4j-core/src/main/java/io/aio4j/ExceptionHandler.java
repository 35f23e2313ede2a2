package io.aio4j;

/**
 * Receives the errors that no code could receive otherwise: a callback that threw, a task whose
 * exception nobody retrieved, a task still pending when its loop closed, a loop blocked by one
 * step for too long. Set with {@link EventLoop#setExceptionHandler}.
 *
 * <p>It runs on the loop thread, except for {@link ExceptionContext#blockedFor() blocked-loop}
 * reports, which the watchdog delivers from its own thread while the loop is still blocked.
 * An exception thrown by a handler is logged and the loop carries on.
 */
@FunctionalInterface
public interface ExceptionHandler {
    /**
     * Handles one report.
     *
     * @param loop the loop that reports
     * @param context what happened
     */
    void handle(EventLoop loop, ExceptionContext context);
}
