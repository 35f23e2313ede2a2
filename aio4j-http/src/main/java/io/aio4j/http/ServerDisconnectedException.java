package io.aio4j.http;

/**
 * The server closed the connection before the response was complete: aiohttp's
 * {@code ServerDisconnectedError}. A request on a kept-alive connection that the server had closed
 * meanwhile is retried once on a new connection when that is safe (nothing of the response came,
 * and the request is idempotent or nothing of it was sent); this is raised when it was not.
 */
public final class ServerDisconnectedException extends ServerConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ServerDisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
