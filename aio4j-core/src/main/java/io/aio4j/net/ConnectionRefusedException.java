package io.aio4j.net;

/**
 * Thrown when the peer's host answered that nothing listens on the port (TCP reset on connect).
 * The fault is at the server's end, or in the address the program used.
 */
public class ConnectionRefusedException extends java.net.ConnectException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to what
     */
    public ConnectionRefusedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what happened, to what
     * @param cause what the JDK reported
     */
    public ConnectionRefusedException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
