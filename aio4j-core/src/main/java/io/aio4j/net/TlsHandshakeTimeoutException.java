package io.aio4j.net;

import java.time.Duration;

/**
 * Thrown when a TLS handshake did not finish within {@link ClientTls#handshakeTimeout()} (or, on a
 * server, {@link ServerTls#handshakeTimeout()}): asyncio's {@code ssl_handshake_timeout}, which
 * aborts the connection with a {@code ConnectionAbortedError}. The connection is aborted.
 *
 * <p>The usual cause is a peer that accepts TCP connections but does not speak TLS on that port
 * (it waits for a plaintext request that never comes), or a peer too overloaded to answer. The
 * connect timeout of {@link ConnectOptions#connectTimeout()} does not include the handshake.
 */
public class TlsHandshakeTimeoutException extends TlsHandshakeException {
    private static final long serialVersionUID = 1L;

    /** The timeout that expired. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param message what timed out, with whom
     * @param timeout the timeout that expired
     */
    public TlsHandshakeTimeoutException(String message, Duration timeout) {
        super(message, null);
        this.timeout = timeout;
    }

    /**
     * Returns the handshake timeout that expired.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
