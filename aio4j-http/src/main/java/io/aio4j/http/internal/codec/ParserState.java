package io.aio4j.http.internal.codec;

/**
 * Where an {@link HttpParser} is in its connection's stream of messages.
 *
 * <pre>
 * from    to        when
 * IDLE    HEAD      the first byte of a start line arrives (empty lines before it are skipped)
 * HEAD    BODY      the head is complete and the message has a body
 * HEAD    IDLE      the head is complete, no body, and the connection persists
 * BODY    IDLE      the body is complete and the connection persists
 * HEAD    CLOSED    (or BODY) the message is complete and the connection does not persist
 * HEAD    UPGRADED  (or BODY) the message is complete and the connection leaves HTTP
 * IDLE    CLOSED    feedEof() between messages, or after a body read until close
 * any     FAILED    the peer sent a malformed message, or the stream ended inside one
 * </pre>
 * CLOSED, UPGRADED and FAILED are final: the parser consumes nothing more.
 */
public enum ParserState {
    /** Between messages: nothing of the next one has arrived. */
    IDLE,
    /** Reading a start line and header fields. */
    HEAD,
    /** Reading a body, chunks or trailer fields. */
    BODY,
    /** Done: the last message said the connection closes. Bytes after it are left unread. */
    CLOSED,
    /** Done: the connection switched protocols. Bytes after the message are left to the caller. */
    UPGRADED,
    /** Done: a {@link io.aio4j.http.BadHttpMessageException} was thrown; the connection is unusable. */
    FAILED
}
