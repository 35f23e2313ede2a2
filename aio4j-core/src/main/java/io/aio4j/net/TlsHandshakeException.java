package io.aio4j.net;

import javax.net.ssl.SSLHandshakeException;

/**
 * Thrown when a TLS handshake fails: the peer speaks no TLS or another version, no cipher suite or
 * ALPN protocol is common to both sides, the peer closed or broke the connection during the
 * handshake, or (subclass {@link TlsCertificateException}) the server's certificate was rejected.
 * asyncio raises {@code ssl.SSLError} (often {@code SSLCertVerificationError}) from
 * {@code open_connection} in these cases.
 *
 * <p>It extends the JDK's {@link SSLHandshakeException}, so code written against
 * {@code SSLSocket} or {@code HttpClient} catches it where it expects to; the JDK's exception, when
 * there is one, is the {@linkplain #getCause() cause}. The connection is closed when this is
 * thrown.
 *
 * <p>The fault is the peer's or the configuration's, never a bug of the calling code: the message
 * says which side, and names the host.
 */
public class TlsHandshakeException extends SSLHandshakeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with whom
     * @param cause what the JDK reported, or {@code null}
     */
    public TlsHandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
