package io.aio4j.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a client speaks TLS: the context (trust), whether to check the host name (on by default:
 * {@code SSLEngine} itself does not), the server name sent as SNI, ALPN protocols and the handshake
 * timeout. Immutable; start from {@link #defaults()}.
 *
 * @param context where trust and key material come from
 * @param verifyHostname whether the certificate must match the host name (HTTPS rules)
 * @param serverName the SNI name and the name checked; {@code null}: the host connected to
 * @param alpn the application protocols offered, in preference order; empty: none
 * @param handshakeTimeout how long the handshake may take (asyncio's default is 60 s)
 */
public record ClientTls(SSLContext context, boolean verifyHostname, String serverName, List<String> alpn,
        Duration handshakeTimeout) {

    /** asyncio's {@code ssl_handshake_timeout} default. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Validates and copies the fields.
     *
     * @param context where trust and key material come from
     * @param verifyHostname whether the certificate must match the host name
     * @param serverName the SNI name, or {@code null}
     * @param alpn the application protocols offered
     * @param handshakeTimeout how long the handshake may take
     */
    public ClientTls {
        Objects.requireNonNull(context, "context");
        alpn = List.copyOf(alpn);
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    }

    /**
     * Returns the JDK's default context (the system's trusted roots), host names verified.
     *
     * @return the default client TLS settings
     */
    public static ClientTls defaults() {
        try {
            return of(SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * Returns settings using {@code context} for trust, host names verified.
     *
     * @param context the context
     * @return the settings
     */
    public static ClientTls of(SSLContext context) {
        return new ClientTls(context, true, null, List.of(), DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * Returns these settings with host name verification on or off. Turning it off lets any
     * certificate the trust accepts stand for any host: for tests only.
     *
     * @param verify whether to verify
     * @return the new settings
     */
    public ClientTls withVerifyHostname(boolean verify) {
        return new ClientTls(context, verify, serverName, alpn, handshakeTimeout);
    }

    /**
     * Returns these settings with another SNI name (and name to verify).
     *
     * @param name the server name
     * @return the new settings
     */
    public ClientTls withServerName(String name) {
        return new ClientTls(context, verifyHostname, name, alpn, handshakeTimeout);
    }

    /**
     * Returns these settings offering the given ALPN protocols.
     *
     * @param protocols the protocols, in preference order (e.g. {@code "http/1.1"})
     * @return the new settings
     */
    public ClientTls withAlpn(String... protocols) {
        return new ClientTls(context, verifyHostname, serverName, List.of(protocols), handshakeTimeout);
    }

    /**
     * Returns these settings with another handshake timeout.
     *
     * @param timeout the timeout
     * @return the new settings
     */
    public ClientTls withHandshakeTimeout(Duration timeout) {
        return new ClientTls(context, verifyHostname, serverName, alpn, timeout);
    }
}
