package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;

/**
 * What a parser knows of a message once its head is read: its fields and how its body is framed.
 */
public sealed interface MessageHead permits RequestHead, ResponseHead {
    /**
     * Returns the protocol version of the message.
     *
     * @return the version
     */
    HttpVersion version();

    /**
     * Returns the header fields, in arrival order.
     *
     * @return the headers
     */
    Headers headers();

    /**
     * Returns how the body ends.
     *
     * @return the framing
     */
    BodyFraming framing();

    /**
     * Returns the body length for {@link BodyFraming#CONTENT_LENGTH}.
     *
     * @return the length, or {@code -1} for any other framing
     */
    long contentLength();

    /**
     * Says whether the connection carries another message after this one.
     *
     * @return {@code false} after {@code Connection: close}, an HTTP/1.0 message without
     *     {@code Connection: keep-alive}, or a body read until close
     */
    boolean keepAlive();

    /**
     * Says whether the connection leaves HTTP after this message (an {@code Upgrade} request, a
     * {@code CONNECT}, a {@code 101} response, a {@code 2xx} to {@code CONNECT}). The parser stops
     * there and leaves the following bytes to the caller.
     *
     * @return {@code true} for an upgrade or a tunnel
     */
    boolean upgrade();
}
