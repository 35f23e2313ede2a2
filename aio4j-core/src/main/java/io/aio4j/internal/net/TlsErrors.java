package io.aio4j.internal.net;

import io.aio4j.net.TlsCertificateException;
import io.aio4j.net.TlsCertificateException.Reason;
import io.aio4j.net.TlsHandshakeException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns what {@code SSLEngine} throws during a handshake into typed exceptions that say whose fault
 * it is: {@link TlsCertificateException} with a {@link Reason} when the client rejected the
 * server's certificate, {@link TlsHandshakeException} otherwise. Thread-safe (stateless).
 */
final class TlsErrors {
    private TlsErrors() {}

    /**
     * Builds the exception for a failed handshake.
     *
     * @param e what the engine threw
     * @param client whether this side is the client
     * @param host the host name or address connected to (client), or the peer's address (server)
     * @param peer the peer's socket address, for the message
     * @return the typed exception, {@code e} as its cause
     */
    static TlsHandshakeException handshakeFailed(Exception e, boolean client, String host, Object peer) {
        String with = client ? host + (peer == null ? "" : " (" + peer + ")") : "client " + peer;
        if (client) {
            TlsCertificateException c = certificateRejected(e, host, with);
            if (c != null) {
                return c;
            }
        }
        return new TlsHandshakeException("TLS handshake with " + with + " failed: " + e.getMessage(), e);
    }

    private static TlsCertificateException certificateRejected(Exception e, String host, String with) {
        X509Certificate[] chain = null;
        Reason reason = null;
        Throwable detail = null;
        boolean rejected = false;
        boolean ip = host != null && Connector.literal(host) != null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TlsContexts.RejectedChainException r) {
                chain = r.chain();
                rejected = true;
            }
            if (reason == null) {
                reason = reasonOf(t, ip);
                detail = t;
            }
        }
        if (reason == null && !rejected) {
            return null; // not about the certificate: a protocol or network failure
        }
        if (reason == null) {
            reason = Reason.OTHER;
        }
        if (reason == Reason.UNTRUSTED_ROOT && chain != null && chain.length > 0 && selfSigned(chain[0])) {
            reason = Reason.SELF_SIGNED;
        }
        List<X509Certificate> certs = chain == null ? List.of() : List.of(chain);
        X509Certificate subject = certs.isEmpty() ? null : certs.get(0);
        if (detail instanceof CertPathValidatorException v && v.getCertPath() != null && v.getIndex() >= 0
                && v.getIndex() < v.getCertPath().getCertificates().size()
                && v.getCertPath().getCertificates().get(v.getIndex()) instanceof X509Certificate x) {
            subject = x;
        }
        String message = "TLS handshake with " + with + " failed: " + describe(reason, host, subject, certs)
                + " [" + e.getMessage() + "]";
        return new TlsCertificateException(message, reason, host, certs, e);
    }

    private static Reason reasonOf(Throwable t, boolean ip) {
        if (t instanceof CertificateExpiredException) {
            return Reason.EXPIRED;
        }
        if (t instanceof CertificateNotYetValidException) {
            return Reason.NOT_YET_VALID;
        }
        if (t instanceof CertPathValidatorException v) {
            CertPathValidatorException.Reason r = v.getReason();
            if (r == CertPathValidatorException.BasicReason.EXPIRED) {
                return Reason.EXPIRED;
            }
            if (r == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return Reason.NOT_YET_VALID;
            }
            if (r == CertPathValidatorException.BasicReason.REVOKED) {
                return Reason.REVOKED;
            }
            if (r == PKIXReason.NO_TRUST_ANCHOR) {
                return Reason.UNTRUSTED_ROOT;
            }
            return null; // the cause may say more
        }
        if (t instanceof CertPathBuilderException) {
            return Reason.UNTRUSTED_ROOT; // SunCertPathBuilderException: "unable to find valid certification path"
        }
        String m = String.valueOf(t.getMessage());
        if (m.contains("No subject alternative names matching IP address")) {
            return Reason.IP_MISMATCH;
        }
        if (m.contains("No subject alternative DNS name matching") || m.contains("No name matching")) {
            return Reason.HOSTNAME_MISMATCH;
        }
        if (m.contains("No subject alternative names present")) {
            return ip ? Reason.IP_MISMATCH : Reason.HOSTNAME_MISMATCH;
        }
        return null;
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            return false; // same name, another key: issued by an authority of the same name
        }
    }

    private static String describe(Reason reason, String host, X509Certificate cert, List<X509Certificate> chain) {
        String which = cert == null ? "the server's certificate" : "the server's certificate ("
                + cert.getSubjectX500Principal().getName() + ")";
        return switch (reason) {
            case SELF_SIGNED -> which + " is self-signed, and this client does not trust it; trust it explicitly "
                    + "(ClientTls.trusting) or give the server a certificate from a trusted authority";
            case UNTRUSTED_ROOT -> which + (chain.isEmpty() ? "" : " is issued by "
                    + chain.get(chain.size() - 1).getIssuerX500Principal().getName() + ", which")
                    + (chain.isEmpty() ? " chains to an authority this client does not trust"
                            : " this client does not trust (or the server does not send its intermediate certificates)");
            case EXPIRED -> which + " expired" + (cert == null ? "" : " on " + cert.getNotAfter().toInstant())
                    + " (or this machine's clock is wrong)";
            case NOT_YET_VALID -> which + " is not valid before "
                    + (cert == null ? "now" : cert.getNotBefore().toInstant().toString()) + " (or this machine's clock is wrong)";
            case HOSTNAME_MISMATCH -> which + " is not valid for the host name " + host + names(cert);
            case IP_MISMATCH -> which + " is not valid for the IP address " + host + names(cert);
            case REVOKED -> which + " has been revoked by its issuer";
            case OTHER -> which + " was rejected";
        };
    }

    /** The subject alternative names, for the mismatch messages. */
    private static String names(X509Certificate cert) {
        if (cert == null) {
            return "";
        }
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null || sans.isEmpty()) {
                return "; it has no subject alternative names";
            }
            List<String> names = new ArrayList<>();
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                if (type == 2 || type == 7) { // dNSName, iPAddress
                    names.add(String.valueOf(san.get(1)));
                }
            }
            return "; it is for " + String.join(", ", names);
        } catch (CertificateParsingException e) {
            return "";
        }
    }
}
