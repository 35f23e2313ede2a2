package io.aio4j.http;

/**
 * Something went wrong with the connection to the server, not with what it said: aiohttp's
 * {@code ClientConnectionError}.
 */
public sealed class ClientConnectionException extends ClientException
        permits ClientOSException, ServerConnectionException, ClientConnectionResetException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ClientConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
