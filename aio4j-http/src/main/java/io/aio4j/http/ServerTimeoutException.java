package io.aio4j.http;

/**
 * A timeout of {@link ClientTimeout} expired: aiohttp's {@code ServerTimeoutError}. This class
 * itself is raised for the {@link ClientTimeout#total() total} timeout; its subclasses for the
 * connect and read timeouts. The connection is closed, never pooled.
 */
public sealed class ServerTimeoutException extends ServerConnectionException
        permits ConnectionTimeoutException, SocketReadTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ServerTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
