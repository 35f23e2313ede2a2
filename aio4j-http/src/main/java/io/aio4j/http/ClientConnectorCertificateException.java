package io.aio4j.http;

/**
 * The server's certificate failed verification: self-signed, signed by an untrusted root, expired,
 * not yet valid, or for another name. aiohttp's {@code ClientConnectorCertificateError}. The cause,
 * an {@link io.aio4j.net.TlsCertificateException}, names the reason. Verification is on by default;
 * {@link io.aio4j.net.ClientTls#insecure()} turns it off explicitly.
 */
public final class ClientConnectorCertificateException extends ClientConnectorSslException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param host the host, as in the URL
     * @param port the port
     * @param ssl how TLS was set, as in {@link ClientConnectorException}
     * @param cause what the TLS layer raised
     */
    public ClientConnectorCertificateException(String host, int port, String ssl, Throwable cause) {
        super(host, port, ssl, cause);
    }
}
