package io.aio4j.net;

import java.nio.ByteBuffer;

/**
 * A streaming protocol that lends the transport the buffer to read into: asyncio's
 * {@code BufferedProtocol}. The transport reads straight into it, so a parser sees the bytes where
 * the socket put them, with no copy.
 */
public interface BufferedProtocol extends BaseProtocol {
    /**
     * Returns the buffer the next read goes into, from its position up to its limit.
     *
     * @param sizeHint how many bytes the transport would like room for (a hint; any size above
     *     zero works)
     * @return a buffer with at least one byte of room
     */
    ByteBuffer getBuffer(int sizeHint);

    /**
     * Called after a read put {@code nbytes} bytes into the last buffer {@link #getBuffer} gave,
     * starting at the position it had; the transport advanced the position past them.
     *
     * @param nbytes how many bytes arrived; more than zero
     */
    void bufferUpdated(int nbytes);

    /**
     * Called when the peer has sent everything.
     *
     * @return {@code true} to keep the connection open for writing; {@code false} closes it
     */
    default boolean eofReceived() {
        return false;
    }
}
