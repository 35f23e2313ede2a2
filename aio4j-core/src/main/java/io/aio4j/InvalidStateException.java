package io.aio4j;

/**
 * Thrown when an operation does not fit the current state of a {@link Future}: setting the result
 * of a future that is already done, or asking for the result of one that is not (asyncio's
 * {@code InvalidStateError}). Always a bug in the calling code.
 */
public class InvalidStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was attempted, and the state that forbids it
     */
    public InvalidStateException(String message) {
        super(message);
    }
}
