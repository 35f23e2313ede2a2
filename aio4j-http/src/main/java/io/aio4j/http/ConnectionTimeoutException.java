package io.aio4j.http;

/**
 * The connect or sock-connect timeout of {@link ClientTimeout} expired before a connection was
 * ready (a free slot in the pool, TCP connect, TLS handshake): aiohttp's
 * {@code ConnectionTimeoutError}.
 */
public final class ConnectionTimeoutException extends ServerTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ConnectionTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
