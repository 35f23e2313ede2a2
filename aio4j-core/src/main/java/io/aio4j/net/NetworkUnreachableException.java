package io.aio4j.net;

/**
 * Thrown when no route leads to the peer's host (network or host unreachable). The fault is in
 * the network between, or in the address the program used.
 */
public class NetworkUnreachableException extends java.net.NoRouteToHostException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to what
     */
    public NetworkUnreachableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what happened, to what
     * @param cause what the JDK reported
     */
    public NetworkUnreachableException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
