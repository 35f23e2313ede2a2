package io.aio4j.net;

import io.aio4j.EventLoop;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * One end of a byte stream — a TCP or Unix socket, TLS over either, a pipe — driven by the loop's
 * selector: asyncio's {@code Transport}. Its protocol receives the data; {@code write} never blocks
 * and never fails on the spot: what the socket cannot take at once is buffered, and an error ends
 * the connection through {@link BaseProtocol#connectionLost}.
 *
 * <p>Not thread-safe: use it on its loop's thread (from callbacks and tasks of that loop).
 */
public interface Transport extends AutoCloseable {
    /**
     * Writes the remaining bytes of {@code data}, or buffers what the socket does not take now.
     * The transport copies what it keeps: the caller may reuse {@code data} when this returns
     * (its position is then at its limit). Ignored once the transport is closing.
     *
     * @param data the bytes
     */
    void write(ByteBuffer data);

    /**
     * Writes bytes; see {@link #write(ByteBuffer)}.
     *
     * @param data the bytes
     */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /**
     * Sends part of a file from the operating system's page cache straight to the socket, without
     * copying it through the JVM ({@code sendfile}): the zero-copy path of asyncio's
     * {@code loop.sendfile}. Only a plain TCP or Unix socket transport can; it sends what the
     * socket takes now, after the bytes already buffered. When it cannot send it all, the
     * protocol is told to pause writing, and to resume once the socket drains, as for
     * {@link #write(ByteBuffer)}: a stream's {@code drain()} then waits, and the caller sends the
     * rest. Loop thread only; the file read happens on the loop thread, as in asyncio and Netty.
     *
     * @param file the file, open for reading
     * @param position where in the file to start
     * @param count how many bytes at most
     * @return the bytes sent now (0 when the socket or the write buffer is full), or {@code -1} if
     *     this transport cannot send files this way (TLS): write the file's bytes instead
     * @throws IOException if the file cannot be read, or the connection broke (the transport is
     *     then closed)
     * @throws ClosedResourceException if the transport is closing
     */
    default long sendFile(FileChannel file, long position, long count) throws IOException {
        return -1;
    }

    /**
     * Half-closes: the peer reads EOF after everything written so far; reading goes on. TLS cannot
     * half-close ({@link #canWriteEof()} is {@code false}).
     *
     * @throws UnsupportedOperationException when the transport cannot half-close
     */
    void writeEof();

    /**
     * Tells whether {@link #writeEof()} works on this transport.
     *
     * @return whether it can half-close
     */
    boolean canWriteEof();

    /**
     * Closes gracefully: stops reading, sends what is buffered, then closes and calls
     * {@code connectionLost(null)}. Idempotent.
     */
    @Override
    void close();

    /**
     * Closes at once, dropping what is buffered; {@code connectionLost(null)} follows. Idempotent.
     *
     * <p>On TCP, and TLS over TCP, this resets the connection (TCP's ABORT, RFC 793 §3.8): the
     * socket closes with {@code SO_LINGER} 0, so the peer receives an RST instead of a FIN, and its
     * next read or write fails as after a crash (on an aio4j stream, with a
     * {@link BrokenResourceException}) instead of reading EOF. TLS sends no {@code close_notify}.
     * A Unix socket cannot reset on demand: its peer reads EOF, or fails if bytes were left unread
     * here. For an orderly end, use {@link #close()}.
     */
    void abort();

    /**
     * Tells whether {@code close} or {@code abort} was called, or the connection ended.
     *
     * @return whether the transport is closing or closed
     */
    boolean isClosing();

    /** Stops calling the protocol with data until {@link #resumeReading()}. Idempotent. */
    void pauseReading();

    /** Starts calling the protocol with data again. Idempotent. */
    void resumeReading();

    /**
     * Tells whether the transport is reading (not paused, not closing).
     *
     * @return whether data callbacks may come
     */
    boolean isReading();

    /**
     * Sets the write buffer's water marks: above {@code high} bytes the protocol is paused, at or
     * below {@code low} resumed. asyncio's defaults are 64 KiB and 16 KiB.
     *
     * @param high the high water mark, at least {@code low}
     * @param low the low water mark, at least zero
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * Returns how many bytes wait in the write buffer.
     *
     * @return the buffered byte count
     */
    long writeBufferSize();

    /**
     * Returns the protocol that receives this transport's events.
     *
     * @return the protocol
     */
    BaseProtocol protocol();

    /**
     * Replaces the protocol (asyncio's {@code set_protocol}), for upgrades such as STARTTLS or
     * WebSocket. The new protocol gets no {@code connectionMade}.
     *
     * @param protocol the new protocol
     */
    void setProtocol(BaseProtocol protocol);

    /**
     * Returns the local address of the socket.
     *
     * @return the local address; {@code null} for transports without one
     */
    SocketAddress localAddress();

    /**
     * Returns the address of the peer.
     *
     * @return the remote address; {@code null} for transports without one
     */
    SocketAddress remoteAddress();

    /**
     * Returns the TLS session once the handshake is done, on a TLS transport.
     *
     * @return the session; empty on a plain transport
     */
    default Optional<SSLSession> tlsSession() {
        return Optional.empty();
    }

    /**
     * Returns the application protocol the TLS handshake agreed on by ALPN (RFC 7301), such as
     * {@code "h2"} or {@code "http/1.1"}: Python's {@code SSLObject.selected_alpn_protocol()}. The
     * JDK keeps it on the engine, not on the {@link SSLSession}, hence this method.
     *
     * @return the protocol; empty on a plain transport, before the handshake, or when the peers
     *     agreed on none (one side offered no ALPN)
     */
    default Optional<String> selectedAlpnProtocol() {
        return Optional.empty();
    }

    /**
     * Returns the loop the transport runs on.
     *
     * @return the loop
     */
    EventLoop loop();
}
