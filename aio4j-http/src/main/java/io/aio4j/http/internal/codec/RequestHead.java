package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;

/**
 * The head of a parsed request.
 *
 * @param method the method token, as sent (case-sensitive: {@code GET}, not {@code get})
 * @param target the request target, as sent (origin form {@code /a?b}, absolute form, authority
 *     form for {@code CONNECT}, or {@code *})
 * @param version the protocol version
 * @param headers the header fields
 * @param framing how the body ends
 * @param contentLength the body length for {@link BodyFraming#CONTENT_LENGTH}, else {@code -1}
 * @param keepAlive whether another request may follow on the connection
 * @param upgrade whether the connection leaves HTTP after this request's body
 */
public record RequestHead(String method, String target, HttpVersion version, Headers headers, BodyFraming framing,
        long contentLength, boolean keepAlive, boolean upgrade) implements MessageHead {
}
