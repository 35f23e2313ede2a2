package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;

/**
 * The head of a parsed response.
 *
 * @param version the protocol version
 * @param status the status code, 100 to 999
 * @param reason the reason phrase, maybe empty
 * @param headers the header fields
 * @param framing how the body ends (for a response to HEAD, or a 1xx, 204 or 304, always
 *     {@link BodyFraming#NONE} whatever the headers say)
 * @param contentLength the body length for {@link BodyFraming#CONTENT_LENGTH}, else {@code -1}
 * @param keepAlive whether another response may follow on the connection; always {@code true} for
 *     an informational (1xx other than 101) response, after which the final response follows
 * @param upgrade whether the connection leaves HTTP after this response (101, or 2xx to CONNECT)
 */
public record ResponseHead(HttpVersion version, int status, String reason, Headers headers, BodyFraming framing,
        long contentLength, boolean keepAlive, boolean upgrade) implements MessageHead {

    /**
     * Says whether this is an interim response, after which the final one follows: 1xx except 101.
     *
     * @return {@code true} for 100, 102, 103, ...
     */
    public boolean informational() {
        return status < 200 && status != 101;
    }
}
