package io.aio4j.internal.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM text (RFC 7468): certificates, and private keys in PKCS#8 ({@code BEGIN PRIVATE KEY}),
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and SEC 1 ({@code BEGIN EC PRIVATE KEY}) form. The last
 * two are rewrapped as PKCS#8, the one form the JDK's {@link KeyFactory} reads. Encrypted keys are
 * refused with a hint. Thread-safe (stateless).
 */
final class Pem {
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00}; // SEQUENCE { rsaEncryption, NULL }
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    /** What a PKCS#8 key may be, tried in turn (the OID would tell, but asking is shorter). */
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA", "XDH"};

    private Pem() {}

    /** One {@code -----BEGIN label-----} ... {@code -----END label-----} block, decoded. */
    record Block(String label, byte[] der) {}

    static List<Block> blocks(String text, String source) {
        List<Block> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                return out;
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new IllegalArgumentException(source + ": unterminated PEM header at offset " + begin);
            }
            String label = text.substring(begin + 11, labelEnd);
            String footer = "-----END " + label + "-----";
            int end = text.indexOf(footer, labelEnd);
            if (end < 0) {
                throw new IllegalArgumentException(source + ": no \"" + footer + "\" after offset " + begin);
            }
            String body = text.substring(labelEnd + 5, end);
            if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
                throw encrypted(source);
            }
            try {
                out.add(new Block(label, Base64.getMimeDecoder().decode(body.strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": bad base64 in the " + label + " block: " + e.getMessage(), e);
            }
            at = end + footer.length();
        }
    }

    private static IllegalArgumentException encrypted(String source) {
        return new IllegalArgumentException(source + ": the private key is encrypted; decrypt it first, e.g. "
                + "`openssl pkcs8 -topk8 -nocrypt -in key.pem -out plain.pem`");
    }

    /**
     * Reads every {@code CERTIFICATE} block, in order.
     *
     * @param text the PEM text
     * @param source where it came from, for messages
     * @return the certificates, at least one
     */
    static List<X509Certificate> certificates(String text, String source) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(text, source)) {
                if (b.label().equals("CERTIFICATE") || b.label().equals("TRUSTED CERTIFICATE")) {
                    Certificate c = cf.generateCertificate(new ByteArrayInputStream(b.der()));
                    out.add((X509Certificate) c);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(source + ": not a valid X.509 certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no \"-----BEGIN CERTIFICATE-----\" block found");
        }
        return out;
    }

    /**
     * Reads the first private key block.
     *
     * @param text the PEM text
     * @param source where it came from, for messages
     * @return the key
     */
    static PrivateKey privateKey(String text, String source) {
        for (Block b : blocks(text, source)) {
            switch (b.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(b.der(), source, KEY_ALGORITHMS);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(sequence(VERSION_0, RSA_ALGORITHM, tlv(0x04, b.der())), source, new String[] {"RSA"});
                }
                case "EC PRIVATE KEY" -> {
                    byte[] curve = ecCurve(b.der(), source);
                    return pkcs8(sequence(VERSION_0, sequence(EC_PUBLIC_KEY_OID, curve), tlv(0x04, b.der())), source,
                            new String[] {"EC"});
                }
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted(source);
                default -> {
                    // a certificate or parameters next to the key: skip
                }
            }
        }
        throw new IllegalArgumentException(source + ": no \"-----BEGIN PRIVATE KEY-----\", \"RSA PRIVATE KEY\" or "
                + "\"EC PRIVATE KEY\" block found");
    }

    private static PrivateKey pkcs8(byte[] der, String source, String[] algorithms) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String a : algorithms) {
            try {
                return KeyFactory.getInstance(a).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException(source + ": a private key of an algorithm this JDK cannot read (tried "
                + String.join(", ", algorithms) + ")");
    }

    /**
     * Finds the named curve of a SEC 1 {@code ECPrivateKey}: {@code SEQUENCE { version, privateKey,
     * [0] parameters, [1] publicKey }}; returns the OID's whole encoding.
     */
    private static byte[] ecCurve(byte[] sec1, String source) {
        int[] at = {0};
        if (readTag(sec1, at) != 0x30) {
            throw new IllegalArgumentException(source + ": malformed EC PRIVATE KEY");
        }
        int end = readLength(sec1, at) + at[0];
        while (at[0] < end) {
            int tag = readTag(sec1, at);
            int len = readLength(sec1, at);
            if (tag == 0xa0) {
                byte[] oid = java.util.Arrays.copyOfRange(sec1, at[0], at[0] + len);
                if (oid.length == 0 || oid[0] != 0x06) {
                    break; // explicit curve parameters: not supported
                }
                return oid;
            }
            at[0] += len;
        }
        throw new IllegalArgumentException(source + ": the EC PRIVATE KEY names no curve; convert it with "
                + "`openssl pkcs8 -topk8 -nocrypt`");
    }

    private static int readTag(byte[] der, int[] at) {
        return der[at[0]++] & 0xff;
    }

    private static int readLength(byte[] der, int[] at) {
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = (len << 8) | (der[at[0]++] & 0xff);
        }
        return len;
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
