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
 * How a server speaks TLS: the context holding its key and certificate chain, the ALPN protocols
 * it accepts and the handshake timeout. Immutable. Python's
 * {@code ssl.create_default_context(Purpose.CLIENT_AUTH)} with {@code load_cert_chain(certfile,
 * keyfile)}:
 * {@snippet :
 * ServerTls tls = ServerTls.fromPem(Path.of("fullchain.pem"), Path.of("privkey.pem"));
 * Server s = Net.startServer(handler, "0.0.0.0", 8443, ServerOptions.defaults().withTls(tls));
 * }
 *
 * <p>Each accepted connection handshakes before its handler (or protocol) sees it: a
 * {@link ConnectionHandler} starts, and {@link BaseProtocol#connectionMade} comes, only after the
 * handshake. A client that fails the handshake, or does not finish it within
 * {@link #handshakeTimeout()}, is disconnected and logged at debug level (logger {@code io.aio4j}),
 * as asyncio does: scanners and clients that reject the certificate are routine, not server errors.
 *
 * <p><b>Pitfall:</b> the chain must start with the server's own certificate, followed by the
 * intermediates (not the root): clients that trust only the root cannot build the path otherwise,
 * and fail with {@code UNTRUSTED_ROOT}.
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
     * Returns settings serving the certificate chain and private key of two PEM files: Python's
     * {@code SSLContext.load_cert_chain(certfile, keyfile)}. The key may be PKCS#8
     * ({@code BEGIN PRIVATE KEY}: RSA, EC, EdDSA), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC 1
     * ({@code BEGIN EC PRIVATE KEY}), unencrypted. Reads the files now (a blocking read: call it at
     * start-up), and checks that the key belongs to the first certificate.
     *
     * @param certChainPem the server's certificate, then its intermediates
     * @param privateKeyPem the server certificate's private key
     * @return the settings
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the files hold no certificate or key, an encrypted key, or
     *     a key that does not match the certificate
     */
    public static ServerTls fromPem(Path certChainPem, Path privateKeyPem) throws IOException {
        return of(TlsContexts.serverFromPem(certChainPem, privateKeyPem));
    }

    /**
     * Returns settings serving a certificate chain and private key given as PEM text; see
     * {@link #fromPem(Path, Path)}.
     *
     * @param certChainPem the server's certificate, then its intermediates
     * @param privateKeyPem the server certificate's private key
     * @return the settings
     * @throws IllegalArgumentException if the text holds no certificate or key, an encrypted key, or
     *     a key that does not match the certificate
     */
    public static ServerTls fromPemText(String certChainPem, String privateKeyPem) {
        return of(TlsContexts.serverFromPem(certChainPem, "the certificate PEM text", privateKeyPem,
                "the private key PEM text"));
    }

    /**
     * Returns settings serving the keys of a key store (a PKCS#12 file made by {@code openssl
     * pkcs12 -export} or {@code keytool}, loaded). With several keys, the JDK picks one per
     * connection by the client's SNI name and algorithms.
     *
     * @param keyStore the store, loaded
     * @param password the keys' password
     * @return the settings
     * @throws IllegalArgumentException if no key can be recovered with the password
     */
    public static ServerTls fromKeyStore(KeyStore keyStore, char[] password) {
        return of(TlsContexts.serverFromKeyStore(Objects.requireNonNull(keyStore, "keyStore"), password));
    }

    /**
     * Returns these settings accepting the given ALPN protocols. The server picks the first of
     * its list that the client offers; a client offering only others fails the handshake
     * ({@code no_application_protocol}, RFC 7301 §3.2); a client offering none gets none.
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
