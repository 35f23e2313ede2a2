package io.aio4j.internal.net;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the {@link SSLContext}s behind {@code ClientTls} and {@code ServerTls}: PKIX trust that
 * records the chain it rejects (so an error can tell a self-signed certificate from an unknown
 * authority), trust in nothing-checked for {@code insecure()}, and key material from PEM files or a
 * key store. Thread-safe.
 */
public final class TlsContexts {
    private TlsContexts() {}

    /** The JDK's trusted roots, loaded once: reading {@code cacerts} costs tens of milliseconds. */
    private static final class SystemTrust {
        static final SSLContext CONTEXT = trusting(null, "the JDK's default trust store");
    }

    /**
     * Returns a client context trusting the JDK's default roots ({@code cacerts}, or
     * {@code javax.net.ssl.trustStore}).
     *
     * @return the shared context
     */
    public static SSLContext systemTrust() {
        return SystemTrust.CONTEXT;
    }

    /**
     * Returns a client context trusting the certificates of a key store.
     *
     * @param trust the trusted certificates; {@code null}: the JDK's defaults
     * @param what what it is, for messages
     * @return the context
     */
    public static SSLContext trusting(KeyStore trust, String what) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            X509ExtendedTrustManager pkix = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    pkix = x;
                }
            }
            if (pkix == null) {
                throw new IllegalStateException("the JDK's PKIX trust manager factory made no X509ExtendedTrustManager");
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new RecordingTrustManager(pkix)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a TLS context trusting " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns a client context trusting the certificates of a PEM file.
     *
     * @param pemFile one or more {@code CERTIFICATE} blocks
     * @return the context
     * @throws IOException if the file cannot be read
     */
    public static SSLContext trustingPem(Path pemFile) throws IOException {
        return trustingPem(Files.readString(pemFile, StandardCharsets.US_ASCII), pemFile.toString());
    }

    /**
     * Returns a client context trusting the certificates of PEM text.
     *
     * @param pem one or more {@code CERTIFICATE} blocks
     * @param source where it came from, for messages
     * @return the context
     */
    public static SSLContext trustingPem(String pem, String source) {
        List<X509Certificate> certs = Pem.certificates(pem, source);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                ks.setCertificateEntry("trusted-" + i, certs.get(i));
            }
            return trusting(ks, source);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot build a trust store from " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns a client context that accepts every certificate, unchecked; built once.
     *
     * @return the shared context
     */
    public static SSLContext trustingAnything() {
        return TrustingAnything.CONTEXT;
    }

    private static final class TrustingAnything {
        static final SSLContext CONTEXT = build();

        private static SSLContext build() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustEverything()}, null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build a TLS context", e);
            }
        }
    }

    /**
     * Returns a server context from a certificate chain and its private key in PEM files.
     *
     * @param chainPem the chain, leaf first
     * @param keyPem the leaf's private key
     * @return the context
     * @throws IOException if a file cannot be read
     */
    public static SSLContext serverFromPem(Path chainPem, Path keyPem) throws IOException {
        return serverFromPem(Files.readString(chainPem, StandardCharsets.US_ASCII), chainPem.toString(),
                Files.readString(keyPem, StandardCharsets.US_ASCII), keyPem.toString());
    }

    /**
     * Returns a server context from a certificate chain and its private key in PEM text.
     *
     * @param chainPem the chain, leaf first
     * @param chainSource where it came from
     * @param keyPem the leaf's private key
     * @param keySource where it came from
     * @return the context
     */
    public static SSLContext serverFromPem(String chainPem, String chainSource, String keyPem, String keySource) {
        List<X509Certificate> chain = Pem.certificates(chainPem, chainSource);
        PrivateKey key = Pem.privateKey(keyPem, keySource);
        checkPair(key, chain.get(0), keySource, chainSource);
        try {
            // A key manager of our own: a PKCS#12 store would encrypt the key (PBKDF2, ~1 s of CPU).
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {new OneKeyManager(key, chain.toArray(X509Certificate[]::new))}, null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a server TLS context from " + chainSource + " and "
                    + keySource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns a server context from the keys of a key store.
     *
     * @param keys the key store
     * @param password the keys' password
     * @return the context
     */
    public static SSLContext serverFromKeyStore(KeyStore keys, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX"); // picks a key per SNI name and algorithm
            kmf.init(keys, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a server TLS context from the key store: " + e.getMessage(), e);
        }
    }

    /** A key that does not sign for its certificate fails every handshake with an obscure alert: say it now. */
    private static void checkPair(PrivateKey key, X509Certificate leaf, String keySource, String chainSource) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (alg == null) {
            return;
        }
        boolean ok;
        try {
            byte[] probe = "aio4j key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(leaf.getPublicKey());
            v.update(probe);
            ok = v.verify(sig);
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException("the private key of " + keySource + " (" + key.getAlgorithm()
                    + ") does not belong to the first certificate of " + chainSource + " ("
                    + leaf.getSubjectX500Principal() + ")");
        }
    }

    /**
     * Thrown by {@link RecordingTrustManager} in place of the PKIX trust manager's exception: the
     * same message and cause (so the JDK picks the same alert), plus the rejected chain.
     */
    static final class RejectedChainException extends CertificateException {
        private static final long serialVersionUID = 1L;
        private final transient X509Certificate[] chain;

        RejectedChainException(CertificateException original, X509Certificate[] chain) {
            super(original.getMessage(), original.getCause() != null ? original.getCause() : original);
            this.chain = chain.clone();
            setStackTrace(original.getStackTrace());
            if (original.getCause() != null) {
                addSuppressed(original);
            }
        }

        X509Certificate[] chain() {
            return chain == null ? new X509Certificate[0] : chain.clone();
        }
    }

    /** PKIX trust (with the host name check the engine's parameters ask for) that records what it rejects. */
    private static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager pkix;

        RecordingTrustManager(X509ExtendedTrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            try {
                pkix.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw new RejectedChainException(e, chain);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            try {
                pkix.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw new RejectedChainException(e, chain);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                pkix.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw new RejectedChainException(e, chain);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            pkix.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            pkix.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }

    /** One key and its chain, offered whatever the client's SNI name: what a PEM pair serves. */
    private static final class OneKeyManager extends X509ExtendedKeyManager {
        private static final String ALIAS = "server";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        OneKeyManager(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        private String[] aliases(String keyType) {
            return key.getAlgorithm().equalsIgnoreCase(keyType) ? new String[] {ALIAS} : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return key.getAlgorithm().equalsIgnoreCase(keyType) ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return key.getAlgorithm().equalsIgnoreCase(keyType) ? ALIAS : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return aliases(keyType);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }
    }

    /** {@code ClientTls.insecure()}: an extended trust manager, so the JDK adds no host name check of its own. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
