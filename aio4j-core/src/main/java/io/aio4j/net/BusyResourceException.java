package io.aio4j.net;

/**
 * Thrown when a task reads a {@link StreamReader} while another task waits in a read of it: trio's
 * {@code BusyResourceError}, asyncio's {@code RuntimeError}. The fault is the program's. (Several
 * tasks may wait in {@link StreamWriter#drain()} at once: that is allowed, as in asyncio.)
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
