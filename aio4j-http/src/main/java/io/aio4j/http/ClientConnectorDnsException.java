package io.aio4j.http;

/**
 * The host name did not resolve: aiohttp's {@code ClientConnectorDNSError}. The cause is the
 * resolver's {@link java.net.UnknownHostException}.
 */
public final class ClientConnectorDnsException extends ClientConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param host the host, as in the URL
     * @param port the port
     * @param ssl how TLS was set, as in {@link ClientConnectorException}
     * @param cause what the resolver raised
     */
    public ClientConnectorDnsException(String host, int port, String ssl, Throwable cause) {
        super(host, port, ssl, cause);
    }
}
