package io.aio4j.net;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when a client rejects the server's certificate during the TLS handshake: Python's
 * {@code ssl.SSLCertVerificationError}, aiohttp's {@code ClientConnectorCertificateError}. The
 * {@link #reason()} says why, as a value a program can branch on; the message says it to a person,
 * names the host and the certificate, and makes clear the fault is the server's certificate (or
 * this client's trust settings), not the network.
 * {@snippet :
 * try {
 *     Net.openConnection(host, 443, ConnectOptions.defaults().withTls(ClientTls.defaults()));
 * } catch (TlsCertificateException e) {
 *     if (e.reason() == TlsCertificateException.Reason.EXPIRED) {
 *         System.err.println("the server's certificate has expired: " + e.getMessage());
 *     }
 * }
 * }
 *
 * <p>The reason is derived from what the JDK's trust manager reported (the cause chain): the
 * {@code CertPathValidatorException} reasons, {@code CertificateExpiredException} and
 * {@code CertificateNotYetValidException}, the failed path building of an untrusted chain, and the
 * host name check's "No subject alternative ... matching" messages. With a context from
 * {@link ClientTls#defaults()}, {@link ClientTls#trusting(java.nio.file.Path)} or
 * {@link ClientTls#trusting(java.security.KeyStore)}, the rejected chain is recorded too
 * ({@link #certificates()}), which tells a self-signed certificate from one issued by an unknown
 * authority; with a context of your own ({@link ClientTls#of}) it may be empty.
 */
public class TlsCertificateException extends TlsHandshakeException {
    private static final long serialVersionUID = 1L;

    /** Why a certificate was rejected. */
    public enum Reason {
        /** The certificate signs itself and is not among the trusted ones. */
        SELF_SIGNED,
        /** The chain leads to an authority this client does not trust (or the server sent no intermediate). */
        UNTRUSTED_ROOT,
        /** A certificate of the chain is past its "not after" date (or the client's clock is wrong). */
        EXPIRED,
        /** A certificate of the chain is not valid yet (or the client's clock is wrong). */
        NOT_YET_VALID,
        /** The certificate does not name the host connected to (RFC 6125 / RFC 2818 rules). */
        HOSTNAME_MISMATCH,
        /** The host is an IP address the certificate's IP subject alternative names do not list. */
        IP_MISMATCH,
        /** The certificate was revoked (only when revocation checking is enabled). */
        REVOKED,
        /** Anything else: a bad signature, a disallowed algorithm, a missing extension, ... */
        OTHER
    }

    /** Why the certificate was rejected. */
    private final Reason reason;
    /** The host name or address the client connected to. */
    private final String host;
    /** The chain the server presented, leaf first; may be empty. */
    private final transient List<X509Certificate> certificates;

    /**
     * Creates the exception.
     *
     * @param message what was rejected, why, for which host
     * @param reason why
     * @param host the host the client connected to
     * @param certificates the server's chain, leaf first; empty if unknown
     * @param cause what the JDK reported
     */
    public TlsCertificateException(String message, Reason reason, String host, List<X509Certificate> certificates,
            Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.host = host;
        this.certificates = List.copyOf(certificates);
    }

    /**
     * Returns why the certificate was rejected.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the host name or IP address the client connected to (and checked the certificate
     * against).
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * Returns the chain the server presented, leaf first, when it is known. Not serialised.
     *
     * @return the chain; empty when the trust manager did not record it (a context of your own) or
     *     after deserialisation
     */
    public List<X509Certificate> certificates() {
        return certificates == null ? List.of() : certificates;
    }
}
