package io.aio4j;

/**
 * Raised when a timeout set by {@link Aio#withTimeout}, {@link Aio#waitFor} or
 * {@link Aio#asCompleted} expires: asyncio's {@code TimeoutError}. Its cause is the
 * {@link CancelledError} the timeout delivered to the waiting code.
 *
 * <p>Unchecked, and named so it does not clash with {@link java.util.concurrent.TimeoutException}.
 */
public class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out
     * @param cause the cancellation the timeout delivered, or {@code null}
     */
    public DeadlineExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
