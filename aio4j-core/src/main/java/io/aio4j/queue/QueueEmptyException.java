package io.aio4j.queue;

/**
 * Thrown by {@code getNowait()} when the queue holds no item: asyncio's {@code QueueEmpty}. The
 * caller's choice, not a failure: use {@code get()} to wait for an item instead.
 */
public class QueueEmptyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which queue
     */
    public QueueEmptyException(String message) {
        super(message);
    }
}
