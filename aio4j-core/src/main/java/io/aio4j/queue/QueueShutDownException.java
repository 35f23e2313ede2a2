package io.aio4j.queue;

/**
 * Thrown by {@code put}, {@code putNowait}, and (once it is empty, or after an immediate shutdown)
 * {@code get} and {@code getNowait} of a queue that was shut down: asyncio 3.13's
 * {@code QueueShutDown}. Whoever called {@code shutdown()} ended the queue on purpose.
 */
public class QueueShutDownException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which queue
     */
    public QueueShutDownException(String message) {
        super(message);
    }
}
