package io.aio4j.http;

/**
 * Thrown when the stream ended before a body had the length its {@code Content-Length} announced:
 * aiohttp's {@code ContentLengthError} ("Not enough data to satisfy content length header"). The
 * bytes that did arrive were delivered before it. A client reports it as a payload error. The fault
 * is the peer's, which closed early. (A {@code Content-Length} value that is malformed is an
 * {@link InvalidHeaderException}.)
 */
public final class ContentLengthException extends BadHttpMessageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what the part of the message, e.g. {@code "body"}
     * @param why what is wrong with it
     * @param offset the position in the stream where it ended
     */
    public ContentLengthException(String what, String why, long offset) {
        super(what, why, offset);
    }
}
