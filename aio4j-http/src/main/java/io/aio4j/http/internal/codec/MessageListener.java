package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;
import java.nio.ByteBuffer;

/**
 * Receives what an {@link HttpParser} finds, in stream order: for each message,
 * {@code onMessageBegin}, {@code onHead}, then for a chunked body {@code onChunkHeader} before each
 * chunk's {@code onBody} calls (and once with size 0 for the last chunk), {@code onTrailers} if
 * there are trailer fields, and {@code onMessageComplete}. Called on the thread that feeds the
 * parser, from inside {@code feed} or {@code feedEof}; a callback may call
 * {@link HttpParser#pause()}.
 *
 * @param <H> the head type: {@link RequestHead} or {@link ResponseHead}
 */
public interface MessageListener<H extends MessageHead> {
    /** Called at the first byte of a message's start line (a server starts its head timeout here). */
    default void onMessageBegin() {
    }

    /**
     * Called when the head is complete and the body's framing is decided.
     *
     * @param head the parsed head
     */
    void onHead(H head);

    /**
     * Called at each chunk-size line of a chunked body, after its extensions were checked.
     *
     * @param size the chunk's size; {@code 0} for the last chunk
     */
    default void onChunkHeader(long size) {
    }

    /**
     * Called with body bytes as they arrive, chunk framing removed. The buffer is a view of the
     * bytes passed to {@code feed}, not a copy: it is valid only during this call, and whoever
     * needs the bytes later must copy them. Never called with an empty buffer.
     *
     * @param data the bytes, from its position to its limit
     */
    void onBody(ByteBuffer data);

    /**
     * Called when a chunked body's trailer section had fields; not called when it was empty.
     *
     * @param trailers the trailer fields
     */
    default void onTrailers(Headers trailers) {
    }

    /** Called when the message, body included, is complete. */
    void onMessageComplete();
}
