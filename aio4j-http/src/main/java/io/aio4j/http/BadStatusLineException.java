package io.aio4j.http;

/**
 * Thrown when a request line or a status line is malformed: a method that is not a token, a
 * request target with a control character, a missing or unsupported HTTP version (only
 * {@code HTTP/1.0} and {@code HTTP/1.1}; an HTTP/0.9 response has none), or a status code that is
 * not three digits from 100 to 999. aiohttp's {@code BadStatusLine}, which covers both lines too.
 * The fault is the peer's.
 */
public final class BadStatusLineException extends BadHttpMessageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what {@code "request line"} or {@code "status line"}, or the part of one
     * @param why what is wrong with it
     * @param offset the position of the offending byte in the stream
     */
    public BadStatusLineException(String what, String why, long offset) {
        super(what, why, offset);
    }
}
