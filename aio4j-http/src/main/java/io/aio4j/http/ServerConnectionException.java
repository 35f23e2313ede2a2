package io.aio4j.http;

/**
 * The server's side of an open connection failed: it went away or took too long. aiohttp's
 * {@code ServerConnectionError}.
 */
public sealed class ServerConnectionException extends ClientConnectionException
        permits ServerDisconnectedException, ServerTimeoutException, ServerFingerprintMismatchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ServerConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
