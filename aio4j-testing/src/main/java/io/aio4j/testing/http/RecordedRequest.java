package io.aio4j.testing.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request as a {@link ReplayServer} or {@link MockServer} read it, for the test to check (OkHttp's
 * {@code RecordedRequest}). The arrays are the server's own: read them, do not change them.
 *
 * @param method the method, e.g. {@code GET}
 * @param target the request target as sent, e.g. {@code /a?b=c}
 * @param version the version, e.g. {@code HTTP/1.1}
 * @param headers the header fields in order, names as sent, values without the whitespace around them
 * @param body the body, unframed (chunks joined, trailers dropped)
 * @param raw every byte of the request as it came: head, then the body with its framing
 * @param connection which connection it came on, counting from 0 in accept order
 * @param sequence which request it was on its connection, counting from 0 (0 on a fresh connection,
 *     more on a reused one)
 */
public record RecordedRequest(String method, String target, String version, List<Map.Entry<String, String>> headers,
        byte[] body, byte[] raw, int connection, int sequence) {

    /**
     * Returns the value of the first header field with this name, compared without case.
     *
     * @param name the name
     * @return the value, or {@code null} if there is no such field
     */
    public String header(String name) {
        return firstValue(headers, name);
    }

    /**
     * Returns the values of every header field with this name, compared without case, in order.
     *
     * @param name the name
     * @return the values; empty if there is no such field
     */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    /**
     * Returns the body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Returns the raw request as text, one character per byte (ISO-8859-1), for assertions on the
     * exact bytes a client wrote.
     *
     * @return the text
     */
    public String rawText() {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    static String firstValue(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version + " (connection " + connection + ", request " + sequence + ", "
                + body.length + " body bytes)";
    }
}
