package io.aio4j.net;

/**
 * Thrown when code uses a connection, stream or server that it (or other code of the same program)
 * already closed: trio's {@code ClosedResourceError}. The fault is the caller's: nothing was sent
 * and nothing is lost by the transport.
 */
public class ClosedResourceException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to what
     */
    public ClosedResourceException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what happened, to what
     * @param cause what the JDK reported
     */
    public ClosedResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
