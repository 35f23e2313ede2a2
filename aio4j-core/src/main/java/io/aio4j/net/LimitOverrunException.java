package io.aio4j.net;

import java.io.IOException;

/**
 * Thrown when a line or a separated chunk is longer than the stream reader's limit: asyncio's
 * {@code LimitOverrunError}. The fault is the peer's, or the limit is too small for the protocol.
 * What happened to the buffered bytes is documented where it is thrown; {@link #consumed()} says
 * how many bytes the read would have had to take.
 */
public class LimitOverrunException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    /**
     * Creates the exception.
     *
     * @param message what was too long, and whether the separator was found
     * @param consumed how many bytes the read would have had to consume
     */
    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /**
     * Returns how many bytes the read would have had to consume.
     *
     * @return the byte count
     */
    public int consumed() {
        return consumed;
    }
}
