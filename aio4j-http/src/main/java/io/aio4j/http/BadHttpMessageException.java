package io.aio4j.http;

import java.io.IOException;

/**
 * Thrown when the peer sent bytes that are not a well-formed HTTP/1.1 message, or that aio4j's
 * framing policy refuses: aiohttp's {@code BadHttpMessage}. The fault is the peer's. The connection
 * cannot be trusted after it (where the next message starts is no longer known), so it must be
 * closed; a server answers {@code 400 Bad Request} first, a client raises a response error.
 *
 * <p>Every instance says {@link #what()} was malformed, {@link #why()}, and at which byte of the
 * connection's stream ({@link #offset()}). The subclasses name the common cases:
 * <ul>
 *   <li>while reading a message head: {@link BadStatusLineException} (request or status line),
 *       {@link InvalidHeaderException} (a header field, including a framing header that contradicts
 *       another), {@link LineTooLongException} (a limit on the head's size);</li>
 *   <li>while reading a body: {@link ContentLengthException} (the connection ended before the
 *       announced length), {@link TransferEncodingException} (broken chunked framing).</li>
 * </ul>
 * Other faults (too many header fields, a head cut short by the end of the stream) are instances of
 * this class itself.
 */
public sealed class BadHttpMessageException extends IOException
        permits BadStatusLineException, InvalidHeaderException, LineTooLongException, ContentLengthException,
        TransferEncodingException {
    private static final long serialVersionUID = 1L;

    /** The malformed part. */
    private final String what;
    /** What is wrong with it. */
    private final String why;
    /** Where in the stream it was found. */
    private final long offset;

    /**
     * Creates the exception.
     *
     * @param what the part of the message that is malformed, e.g. {@code "status line"}
     * @param why what is wrong with it, e.g. {@code "status code is not 3 digits"}
     * @param offset the position in the stream of the byte where the fault was found, counting from
     *     the first byte the parser was given
     */
    public BadHttpMessageException(String what, String why, long offset) {
        super("Peer sent a malformed HTTP message: " + what + ": " + why + " (at byte " + offset + ")");
        this.what = what;
        this.why = why;
        this.offset = offset;
    }

    /**
     * Returns the part of the message that is malformed.
     *
     * @return e.g. {@code "request line"}, {@code "header field 'Content-Length'"}, {@code "chunk size"}
     */
    public String what() {
        return what;
    }

    /**
     * Returns what is wrong with it.
     *
     * @return a phrase, e.g. {@code "bare CR not followed by LF"}
     */
    public String why() {
        return why;
    }

    /**
     * Returns where the fault was found.
     *
     * @return the position in the connection's stream of the offending byte (or of its end, if the
     *     fault is that it ended), counting from 0 at the first byte the parser was given
     */
    public long offset() {
        return offset;
    }
}
