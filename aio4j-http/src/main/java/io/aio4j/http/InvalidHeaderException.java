package io.aio4j.http;

/**
 * Thrown when a header or trailer field is malformed (a name that is not a token, a space before the
 * colon, a control character or bare CR in the value, a folded line where folding is refused) or
 * when framing headers are invalid or contradict each other ({@code Content-Length} that is not
 * digits or disagrees with another, {@code Transfer-Encoding} together with {@code Content-Length},
 * or with a final coding other than {@code chunked}). aiohttp's {@code InvalidHeader}. The fault is
 * the peer's.
 */
public final class InvalidHeaderException extends BadHttpMessageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what the field, e.g. {@code "header field 'Content-Length'"}
     * @param why what is wrong with it
     * @param offset the position of the offending byte in the stream
     */
    public InvalidHeaderException(String what, String why, long offset) {
        super(what, why, offset);
    }
}
