package io.aio4j.net;

import java.nio.ByteBuffer;

/**
 * A streaming protocol: asyncio's {@code Protocol}. The transport hands it each chunk it reads.
 *
 * <p><b>Pitfall:</b> the buffer passed to {@link #dataReceived} belongs to the transport and is
 * reused for the next read: use or copy its bytes before returning. A protocol that wants to parse
 * without that copy implements {@link BufferedProtocol} and lends its own buffer instead.
 */
public interface Protocol extends BaseProtocol {
    /**
     * Called with bytes the peer sent, in order. Never called with an empty buffer.
     *
     * @param data the bytes, between position and limit; valid only during the call
     */
    default void dataReceived(ByteBuffer data) {}

    /**
     * Called when the peer has sent everything (it half-closed its side, or TLS close_notify).
     *
     * @return {@code true} to keep the connection open for writing (half-close); {@code false}
     *     closes the transport
     */
    default boolean eofReceived() {
        return false;
    }
}
