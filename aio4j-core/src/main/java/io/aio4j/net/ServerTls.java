package io.aio4j.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a server speaks TLS: the context holding its key and certificate chain, the ALPN protocols
 * it accepts and the handshake timeout. Immutable.
 *
 * @param context the server's key material
 * @param alpn the application protocols accepted, in preference order; empty: none
 * @param handshakeTimeout how long a client's handshake may take (asyncio's default is 60 s)
 */
public record ServerTls(SSLContext context, List<String> alpn, Duration handshakeTimeout) {
    /**
     * Validates and copies the fields.
     *
     * @param context the server's key material
     * @param alpn the application protocols accepted
     * @param handshakeTimeout how long a handshake may take
     */
    public ServerTls {
        Objects.requireNonNull(context, "context");
        alpn = List.copyOf(alpn);
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    }

    /**
     * Returns settings serving with {@code context}'s key and certificates.
     *
     * @param context a context initialised with a key manager
     * @return the settings
     */
    public static ServerTls of(SSLContext context) {
        return new ServerTls(context, List.of(), ClientTls.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * Returns these settings accepting the given ALPN protocols.
     *
     * @param protocols the protocols, in preference order
     * @return the new settings
     */
    public ServerTls withAlpn(String... protocols) {
        return new ServerTls(context, List.of(protocols), handshakeTimeout);
    }

    /**
     * Returns these settings with another handshake timeout.
     *
     * @param timeout the timeout
     * @return the new settings
     */
    public ServerTls withHandshakeTimeout(Duration timeout) {
        return new ServerTls(context, alpn, timeout);
    }
}
