package io.aio4j.testing.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request as a {@link ReplayServer} or {@link MockServer} read it, for the test to check (OkHttp's
 * {@code RecordedRequest}).
 *
 * @param method the method
 * @param target the request target as sent, e.g. {@code /a?b=c}
 * @param version the version, e.g. {@code HTTP/1.1}
 * @param headers the header fields in order, names as sent
 * @param body the body, unframed (chunks joined)
 * @param connection which connection it came on, counting from 0 in accept order
 * @param sequence which request it was on its connection, counting from 0
 */
public record RecordedRequest(String method, String target, String version, List<Map.Entry<String, String>> headers,
        byte[] body, int connection, int sequence) {

    /**
     * Returns the first value of a header, the name compared without case.
     *
     * @param name the name
     * @return the value, or {@code null}
     */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /**
     * Returns the body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version + " (connection " + connection + ", request " + sequence + ", "
                + body.length + " body bytes)";
    }
}
