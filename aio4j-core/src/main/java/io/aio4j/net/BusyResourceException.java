package io.aio4j.net;

/**
 * Thrown when two tasks use one stream for the same thing at once — two readers waiting on one
 * {@code StreamReader}, two writers draining one {@code StreamWriter}: trio's
 * {@code BusyResourceError}, asyncio's {@code RuntimeError}. The fault is the program's.
 */
public class BusyResourceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to what
     */
    public BusyResourceException(String message) {
        super(message);
    }
}
