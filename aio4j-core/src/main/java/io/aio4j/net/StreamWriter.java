package io.aio4j.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The writing half of a stream connection: asyncio's {@code StreamWriter}. {@code write} buffers
 * and never suspends; {@link #drain()} suspends until the transport's buffer is below its low water
 * mark, which is how a fast writer waits for a slow peer:
 * {@snippet :
 * writer.write(chunk);
 * writer.drain(); // back-pressure: wait while the peer is slow
 * }
 *
 * <p><b>Cancellation:</b> a task cancelled in {@code drain()} leaves what it wrote in the
 * transport's buffer, still to be sent; the connection stays usable.
 *
 * <p>Not thread-safe: use it from the tasks of its loop.
 */
public interface StreamWriter extends AutoCloseable {
    /**
     * Buffers bytes for sending; never suspends. Follow a series of writes with {@link #drain()}.
     *
     * @param data the bytes
     * @throws ClosedResourceException if this writer was closed, or {@link #writeEof()} was called
     * @throws BrokenResourceException if the connection broke (the peer reset it, say)
     */
    void write(byte[] data) throws IOException;

    /**
     * Buffers the remaining bytes of {@code data} for sending; never suspends. The writer copies
     * what it keeps.
     *
     * @param data the bytes
     * @throws ClosedResourceException if this writer was closed, or {@link #writeEof()} was called
     * @throws BrokenResourceException if the connection broke (the peer reset it, say)
     */
    void write(ByteBuffer data) throws IOException;

    /**
     * Suspends the calling task until the write buffer is below its low water mark. Several tasks
     * may drain at once.
     *
     * @throws ClosedResourceException if this writer was closed and the connection has ended
     * @throws BrokenResourceException if the connection broke, or the peer closed it
     * @throws IOException what the reading half failed with, if it did
     */
    void drain() throws IOException;

    /**
     * Half-closes: the peer reads EOF after what was written; reading goes on. Not possible on
     * TLS. Writing afterwards throws {@link ClosedResourceException}.
     *
     * @throws UnsupportedOperationException when the transport cannot half-close
     */
    void writeEof();

    /**
     * Tells whether {@link #writeEof()} works here.
     *
     * @return whether the transport can half-close
     */
    boolean canWriteEof();

    /** Starts closing: buffered bytes are still sent, then the connection closes. Idempotent. */
    @Override
    void close();

    /**
     * Tells whether the writer is closing or closed.
     *
     * @return whether {@code close} was called or the connection ended
     */
    boolean isClosing();

    /**
     * Suspends the calling task until the connection is closed.
     *
     * @throws IOException what broke the connection, if something did
     */
    void waitClosed() throws IOException;

    /**
     * Upgrades this open plain connection to TLS, as the client: asyncio 3.11's
     * {@code StreamWriter.start_tls}, for STARTTLS in SMTP, IMAP, XMPP, PostgreSQL and the like.
     * First {@linkplain #drain() drains}, then puts TLS under the connection and suspends the
     * calling task until the handshake is done. Afterwards this writer and its reader speak TLS:
     * writes are encrypted, reads decrypted, {@link #transport()} is the TLS transport (with its
     * {@link Transport#tlsSession()}), {@link #close()} sends {@code close_notify}, and
     * {@link #writeEof()} is no longer possible.
     * {@snippet :
     * writer.write("STARTTLS
".getBytes(StandardCharsets.US_ASCII));
     * byte[] ok = reader.readLine();           // "220 Ready to start TLS"
     * writer.startTls(ClientTls.defaults(), "mail.example.com");
     * }
     *
     * <p>Host name verification, SNI, ALPN and the handshake timeout are those of {@code tls}; the
     * name checked is {@link ClientTls#serverName()} if it is set, else {@code serverName}.
     *
     * <p><b>Pitfalls:</b> read the peer's "go ahead" before calling this, and nothing more: a byte
     * the reader already holds arrived before the upgrade, unprotected, and is refused with a
     * {@link TlsHandshakeException} (the STARTTLS command injection of CVE-2011-0411). Writes made
     * by other tasks while the handshake runs are held and encrypted after it. A failed or
     * cancelled handshake closes the connection.
     *
     * @param tls the client's TLS settings
     * @param serverName the host name (or address) connected to, for SNI and the certificate check
     * @throws TlsHandshakeException or one of its subclasses, if the handshake fails; the
     *     connection is then closed, and the reader fails with the same exception
     * @throws ClosedResourceException if this writer was closed
     * @throws BrokenResourceException if the connection broke before the upgrade
     * @throws IllegalStateException if the connection speaks TLS already
     * @throws UnsupportedOperationException on a stream that is not a socket (a subprocess's pipe)
     */
    default void startTls(ClientTls tls, String serverName) throws IOException {
        throw new UnsupportedOperationException("this stream cannot start TLS: " + this);
    }

    /**
     * Upgrades this open plain connection to TLS, as the server (asyncio's {@code start_tls} with
     * {@code server_side=True}); see {@link #startTls(ClientTls, String)}. Suspends the calling
     * task until the handshake is done. Call it right after sending the "go ahead": the client's
     * {@code ClientHello} must reach the TLS layer, not the reader.
     *
     * @param tls the server's TLS settings
     * @throws TlsHandshakeException or one of its subclasses, if the handshake fails; the
     *     connection is then closed
     * @throws ClosedResourceException if this writer was closed
     * @throws BrokenResourceException if the connection broke before the upgrade
     * @throws IllegalStateException if the connection speaks TLS already
     * @throws UnsupportedOperationException on a stream that is not a socket (a subprocess's pipe)
     */
    default void startTls(ServerTls tls) throws IOException {
        throw new UnsupportedOperationException("this stream cannot start TLS: " + this);
    }

    /**
     * Returns the transport below, for addresses, the TLS session, and buffer limits. After
     * {@link #startTls} it is the TLS transport.
     *
     * @return the transport
     */
    Transport transport();
}
