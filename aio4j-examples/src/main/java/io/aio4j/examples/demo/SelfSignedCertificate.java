package io.aio4j.examples.demo;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * A certificate made on the spot for a few host names, signed by its own key (EC P-256, ECDSA with
 * SHA-256), in PEM: what the demo's embedded HTTPS server presents and the demo's session trusts.
 * The JDK can read and use X.509 certificates but has no public API to write one, so this class
 * writes the DER of RFC 5280 itself: a version 3 certificate whose subject and issuer are
 * {@code CN=<first name>}, with a subject alternative name per host name.
 *
 * @param certificatePem the certificate, PEM
 * @param privateKeyPem its private key, PKCS#8 PEM
 */
public record SelfSignedCertificate(String certificatePem, String privateKeyPem) {
    private static final byte[] OID_EC_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
    private static final byte[] OID_COMMON_NAME = oid(2, 5, 4, 3);
    private static final byte[] OID_SUBJECT_ALT_NAME = oid(2, 5, 29, 17);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * Makes a key pair and a certificate for the names, valid from an hour ago for {@code validity}.
     *
     * @param validity how long the certificate is valid (less than 50 years: UTCTime)
     * @param hostNames the DNS names it is for; the first is also its common name
     * @return the certificate and key
     * @throws IllegalArgumentException if no name is given
     */
    public static SelfSignedCertificate generate(Duration validity, List<String> hostNames) {
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one host name");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] name = sequence(set(sequence(OID_COMMON_NAME, tlv(0x0C, utf8(hostNames.get(0))))));
            Instant notBefore = Instant.now().minus(Duration.ofHours(1));
            ByteArrayOutputStream altNames = new ByteArrayOutputStream();
            for (String host : hostNames) {
                altNames.writeBytes(tlv(0x82, host.getBytes(StandardCharsets.US_ASCII))); // [2] dNSName
            }
            byte[] extensions = tlv(0xA3, sequence(sequence(OID_SUBJECT_ALT_NAME,
                    tlv(0x04, tlv(0x30, altNames.toByteArray())))));
            byte[] algorithm = sequence(OID_EC_WITH_SHA256);
            byte[] tbs = sequence(
                    tlv(0xA0, integer(BigInteger.TWO)), // version 3
                    integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                    algorithm,
                    name,
                    sequence(utcTime(notBefore), utcTime(notBefore.plus(validity))),
                    name,
                    keys.getPublic().getEncoded(), // SubjectPublicKeyInfo
                    extensions);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] certificate = sequence(tbs, algorithm, bitString(signature));
            return new SelfSignedCertificate(pem("CERTIFICATE", certificate), pem("PRIVATE KEY",
                    keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make an EC P-256 key or sign with it", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utcTime(Instant t) {
        return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // leading byte: no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One DER element: tag, definite length (short or long form), content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** An OBJECT IDENTIFIER element: the first two arcs in one byte, the rest in base 128. */
    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int groups = Math.max(1, (32 - Integer.numberOfLeadingZeros(v) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write(((v >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }
}
