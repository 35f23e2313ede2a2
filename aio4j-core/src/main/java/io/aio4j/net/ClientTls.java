package io.aio4j.net;

import io.aio4j.internal.net.TlsContexts;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a client speaks TLS: the context (trust), whether to check the host name (on by default:
 * {@code SSLEngine} itself does not), the server name sent as SNI, ALPN protocols and the handshake
 * timeout. Immutable; start from {@link #defaults()} (the system's roots), {@link #trusting(Path)}
 * (a private authority), or {@link #insecure()} (no checks, tests only). This is Python's
 * {@code ssl.create_default_context(cafile=...)} with {@code check_hostname = True} and
 * {@code verify_mode = CERT_REQUIRED}, the settings asyncio's {@code open_connection(ssl=True)} uses.
 * {@snippet :
 * ClientTls tls = ClientTls.trusting(Path.of("ca.pem")).withAlpn("http/1.1");
 * Connection c = Net.openConnection("localhost", 8443, ConnectOptions.defaults().withTls(tls));
 * }
 *
 * <p>What the client sends and checks:
 * <ul>
 *   <li><b>SNI</b> ({@code SSLParameters.setServerNames}) names the host connected to, or
 *       {@link #serverName()}; an IP address is not sent (RFC 6066 §3 forbids it).</li>
 *   <li><b>The host name check</b> follows RFC 2818 / RFC 6125 (the JDK's {@code "HTTPS"} endpoint
 *       identification): a name must match a DNS subject alternative name, an IP address an IP
 *       subject alternative name. A failure is a {@link TlsCertificateException} with reason
 *       {@code HOSTNAME_MISMATCH} or {@code IP_MISMATCH}.</li>
 *   <li><b>ALPN</b> offers {@link #alpn()}; the choice is {@link Transport#selectedAlpnProtocol()}.</li>
 * </ul>
 *
 * <h2>Pitfalls</h2>
 * A context of your own ({@link #of(SSLContext)}) is used as it is: its trust manager decides, and
 * when it is not an {@code X509ExtendedTrustManager} the JDK adds the host name check itself.
 * {@link TlsCertificateException#certificates()} stays empty with such a context, and a
 * self-signed certificate is then reported as {@code UNTRUSTED_ROOT}.
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
     * Returns settings trusting the JDK's default roots (its {@code cacerts}, or the store named by
     * {@code javax.net.ssl.trustStore}), host names verified: Python's
     * {@code ssl.create_default_context()}. The context is built once per JVM and shared. It
     * presents no client certificate; for mutual TLS, use {@link #of(SSLContext)}.
     *
     * @return the default client TLS settings
     */
    public static ClientTls defaults() {
        return of(TlsContexts.systemTrust());
    }

    /**
     * Returns settings trusting only the certificates of a PEM file (one or more
     * {@code -----BEGIN CERTIFICATE-----} blocks, usually a private authority's root), host names
     * verified: Python's {@code ssl.create_default_context(cafile=path)}. The system's roots are
     * not trusted. Reads the file now (a blocking read: call it at start-up, not per request).
     *
     * @param caPemFile the trusted certificates
     * @return the settings
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it holds no valid certificate
     */
    public static ClientTls trusting(Path caPemFile) throws IOException {
        return of(TlsContexts.trustingPem(caPemFile));
    }

    /**
     * Returns settings trusting only the certificates of PEM text; see {@link #trusting(Path)}.
     *
     * @param caPem one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return the settings
     * @throws IllegalArgumentException if it holds no valid certificate
     */
    public static ClientTls trustingPem(String caPem) {
        return of(TlsContexts.trustingPem(caPem, "the PEM text"));
    }

    /**
     * Returns settings trusting the certificate entries of a key store (a PKCS#12 trust store made
     * with {@code keytool -importcert}, say), host names verified: Python's
     * {@code ssl.create_default_context(cadata=...)}.
     *
     * @param trustStore the trusted certificates, loaded
     * @return the settings
     * @throws IllegalArgumentException if the store cannot serve as trust (it holds no certificate)
     */
    public static ClientTls trusting(KeyStore trustStore) {
        return of(TlsContexts.trusting(Objects.requireNonNull(trustStore, "trustStore"), "the key store"));
    }

    /**
     * Returns settings that accept any certificate for any host: Python's {@code ssl=False} in
     * aiohttp, or a context with {@code check_hostname = False} and {@code verify_mode =
     * CERT_NONE}. The connection is encrypted but not authenticated: anyone on the path can
     * impersonate the server. For tests and local tools only; the name is meant to show in review.
     *
     * @return the settings, verification off
     */
    public static ClientTls insecure() {
        return new ClientTls(TlsContexts.trustingAnything(), false, null, List.of(), DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * Returns settings using {@code context} for trust (and client keys, if it has any), host names
     * verified. See the class comment's pitfalls.
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
