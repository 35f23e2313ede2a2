package io.aio4j;

/**
 * Thrown when code schedules work on, runs, or creates futures or tasks on an
 * {@link EventLoop} that has been closed. The caller's fault: a closed loop never runs again.
 */
public class LoopClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which loop, and what was attempted on it
     */
    public LoopClosedException(String message) {
        super(message);
    }
}
