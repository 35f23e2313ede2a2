package io.aio4j.http;

/**
 * The operating system refused or broke a connection: aiohttp's {@code ClientOSError}. The cause
 * is the {@link java.io.IOException} the socket layer raised.
 */
public sealed class ClientOSException extends ClientConnectionException
        permits ClientConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the host or URL
     * @param cause the underlying failure, or {@code null}
     */
    public ClientOSException(String message, Throwable cause) {
        super(message, cause);
    }
}
