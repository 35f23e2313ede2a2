package io.aio4j.net;

/**
 * Thrown when the peer or the operating system broke a connection (reset, broken pipe, TLS failure
 * after the handshake): trio's {@code BrokenResourceError}. The fault is outside the program; the
 * cause says what the OS reported. What was buffered for writing is lost.
 */
public class BrokenResourceException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to what
     */
    public BrokenResourceException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what happened, to what
     * @param cause what the JDK or the OS reported
     */
    public BrokenResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
