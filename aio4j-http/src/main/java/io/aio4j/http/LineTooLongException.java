package io.aio4j.http;

/**
 * Thrown when a part of a message head is longer than the parser allows: a start line or a header
 * field over the line limit (8190 bytes by default, as in aiohttp), or a whole head over the head
 * limit. aiohttp's {@code LineTooLong}. The parser throws as soon as the limit is passed, so it never
 * buffers more than the limit. The fault is the peer's, or the limit is too small for it.
 */
public final class LineTooLongException extends BadHttpMessageException {
    private static final long serialVersionUID = 1L;

    /** The limit that was passed, in bytes. */
    private final int limit;

    /**
     * Creates the exception.
     *
     * @param what what grew too long, e.g. {@code "status line"} or {@code "header section"}
     * @param limit the limit it passed, in bytes
     * @param offset the position in the stream of the first byte past the limit
     */
    public LineTooLongException(String what, int limit, long offset) {
        super(what, "got more than " + limit + " bytes", offset);
        this.limit = limit;
    }

    /**
     * Returns the limit that was passed.
     *
     * @return the number of bytes allowed
     */
    public int limit() {
        return limit;
    }
}
