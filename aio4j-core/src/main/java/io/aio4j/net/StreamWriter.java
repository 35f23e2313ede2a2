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
     * @throws ClosedResourceException if this writer was closed
     * @throws BrokenResourceException if the connection broke (the peer reset it, say)
     */
    void write(byte[] data) throws IOException;

    /**
     * Buffers the remaining bytes of {@code data} for sending; never suspends. The writer copies
     * what it keeps.
     *
     * @param data the bytes
     * @throws ClosedResourceException if this writer was closed
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
     * Half-closes: the peer reads EOF after what was written. Not possible on TLS.
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
     * Returns the transport below, for addresses, the TLS session, and buffer limits.
     *
     * @return the transport
     */
    Transport transport();
}
