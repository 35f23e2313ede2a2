package io.aio4j.net;

import java.io.EOFException;
import java.util.OptionalInt;

/**
 * Thrown when a stream ended before a read had what it asked for: asyncio's
 * {@code IncompleteReadError}. The bytes that did arrive are not lost: they are {@link #partial()}.
 * The fault is the peer's, which closed early.
 */
public class IncompleteReadException extends EOFException {
    private static final long serialVersionUID = 1L;

    private final byte[] partial;
    private final int expected;

    /**
     * Creates the exception.
     *
     * @param partial the bytes read before the end
     * @param expected how many bytes were expected; {@code -1} when not known (a separator was)
     */
    public IncompleteReadException(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : String.valueOf(expected))
                + " expected bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    /**
     * Returns the bytes that arrived before the stream ended.
     *
     * @return a copy of them
     */
    public byte[] partial() {
        return partial.clone();
    }

    /**
     * Returns how many bytes were expected.
     *
     * @return the count; empty when a separator, not a count, was expected
     */
    public OptionalInt expected() {
        return expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected);
    }
}
