package io.aio4j.http;

import java.util.HexFormat;

/**
 * The server's certificate is not the one pinned with {@link TcpConnector#withFingerprint}: aiohttp's
 * {@code ServerFingerprintMismatch}. The connection is closed before a request is sent.
 */
public final class ServerFingerprintMismatchException extends ServerConnectionException {
    private static final long serialVersionUID = 1L;

    /** The pinned SHA-256 digest. */
    private final byte[] expected;
    /** The digest of the certificate the server showed. */
    private final byte[] got;

    /**
     * Creates the exception.
     *
     * @param expected the pinned SHA-256 digest of the certificate (DER)
     * @param got the digest of the certificate the server presented
     * @param host the host
     * @param port the port
     */
    public ServerFingerprintMismatchException(byte[] expected, byte[] got, String host, int port) {
        super("Server fingerprint mismatch for " + host + ":" + port + ": expected "
                + HexFormat.of().formatHex(expected) + ", got " + HexFormat.of().formatHex(got), null);
        this.expected = expected.clone();
        this.got = got.clone();
    }

    /**
     * Returns the pinned digest.
     *
     * @return the SHA-256 digest that was expected
     */
    public byte[] expected() {
        return expected.clone();
    }

    /**
     * Returns the digest of the certificate the server presented.
     *
     * @return the SHA-256 digest
     */
    public byte[] got() {
        return got.clone();
    }
}
