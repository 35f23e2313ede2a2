package io.aio4j.http;

/**
 * The TLS handshake failed for a reason other than the server's certificate (no common protocol or
 * cipher, the server closed it, the handshake timed out): aiohttp's {@code ClientConnectorSSLError}.
 * The cause is the TLS layer's {@link io.aio4j.net.TlsHandshakeException}.
 */
public sealed class ClientConnectorSslException extends ClientConnectorException
        permits ClientConnectorCertificateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param host the host, as in the URL
     * @param port the port
     * @param ssl how TLS was set, as in {@link ClientConnectorException}
     * @param cause what the TLS layer raised
     */
    public ClientConnectorSslException(String host, int port, String ssl, Throwable cause) {
        super(host, port, ssl, cause);
    }
}
