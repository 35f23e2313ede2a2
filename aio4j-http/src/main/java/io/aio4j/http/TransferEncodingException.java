package io.aio4j.http;

/**
 * Thrown when a chunked body is malformed (a chunk size that is not hexadecimal or does not fit in
 * 63 bits, a bad chunk extension, missing CRLF after the data) or when the stream ended before its
 * last chunk: aiohttp's {@code TransferEncodingError}. The bytes that did arrive were delivered
 * before it. A client reports it as a payload error. The fault is the peer's. (A
 * {@code Transfer-Encoding} header that is refused is an {@link InvalidHeaderException}.)
 */
public final class TransferEncodingException extends BadHttpMessageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what the part of the body, e.g. {@code "chunk size"}
     * @param why what is wrong with it
     * @param offset the position of the offending byte in the stream
     */
    public TransferEncodingException(String what, String why, long offset) {
        super(what, why, offset);
    }
}
