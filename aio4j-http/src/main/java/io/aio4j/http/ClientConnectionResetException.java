package io.aio4j.http;

/**
 * The peer reset the connection (TCP RST) while the request was being sent or the response read:
 * aiohttp's {@code ClientConnectionResetError}. The fault is the peer's or the network's.
 */
public final class ClientConnectionResetException extends ClientConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ClientConnectionResetException(String message, Throwable cause) {
        super(message, cause);
    }
}
