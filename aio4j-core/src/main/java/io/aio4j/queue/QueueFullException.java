package io.aio4j.queue;

/**
 * Thrown by {@code putNowait()} when a bounded queue has no room: asyncio's {@code QueueFull}. Use
 * {@code put()} to wait for room instead.
 */
public class QueueFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which queue
     */
    public QueueFullException(String message) {
        super(message);
    }
}
