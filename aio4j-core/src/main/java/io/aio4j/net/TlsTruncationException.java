package io.aio4j.net;

/**
 * Thrown when the peer closed the TCP connection without first sending TLS's {@code close_notify}
 * alert: the stream may have been cut short by an attacker or a crashed peer, so the bytes received
 * cannot be taken as the whole message (RFC 8446 §6.1). Python's {@code ssl} raises
 * {@code SSLEOFError} ("EOF occurred in violation of protocol") in this case.
 *
 * <p>A {@link StreamReader} raises it where it would otherwise report EOF; a protocol receives it in
 * {@link BaseProtocol#connectionLost}. Every byte that arrived before the truncation was delivered.
 *
 * <p><b>Pitfall:</b> many HTTP/1.x servers close without {@code close_notify}; when the message
 * carries its own length (a {@code Content-Length} or chunked body already complete), a client may
 * treat this exception after the end of the message as a normal close, as browsers do.
 */
public class TlsTruncationException extends BrokenResourceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was cut short, by whom
     */
    public TlsTruncationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the JDK's report.
     *
     * @param message what was cut short, by whom
     * @param cause what {@code SSLEngine.closeInbound()} reported
     */
    public TlsTruncationException(String message, Throwable cause) {
        super(message, cause);
    }
}
