package io.aio4j.http.internal.codec;

/**
 * How a message's body ends, decided from its head (RFC 9112 §6.3 and aio4j's framing policy).
 */
public enum BodyFraming {
    /** No body: a request without framing headers, a response to HEAD, 1xx, 204, 304, CONNECT 2xx. */
    NONE,
    /** Exactly {@code contentLength()} bytes, maybe zero. */
    CONTENT_LENGTH,
    /** Chunked transfer coding, ending with the last chunk and an optional trailer section. */
    CHUNKED,
    /** Everything until the connection closes: a response with neither length nor chunking. */
    UNTIL_CLOSE
}
