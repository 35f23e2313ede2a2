package io.aio4j.http.internal.server;

import io.aio4j.http.BodyStream;
import io.aio4j.http.Headers;
import io.aio4j.http.internal.ContentTypes;
import io.aio4j.http.internal.Json;
import io.aio4j.http.internal.codec.BodyFraming;
import io.aio4j.http.internal.codec.RequestHead;
import io.aio4j.http.web.HttpStatusException;
import io.aio4j.http.web.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loop thread only (the handler's task). A {@link Request} of a {@link ServerConnection}. */
final class IncomingRequest implements Request, PathParams {
    private final RequestHead head;
    private final SocketAddress remote;
    private final long maxBody;
    private final String rawPath;
    private final String path;
    private final String queryString;
    final RequestBody body;
    private Map<String, List<String>> query;
    private Map<String, String> params = Map.of();
    private byte[] bytes;
    private boolean streamed;

    /**
     * Reads the request target.
     *
     * @throws HttpStatusException 400 if the path's percent-encoding is malformed
     */
    IncomingRequest(RequestHead head, SocketAddress remote, long maxBody, RequestBody body) {
        this.head = head;
        this.remote = remote;
        this.maxBody = maxBody;
        this.body = body;
        String target = head.target();
        if (!target.startsWith("/")) {
            int scheme = target.indexOf("://");
            if (scheme > 0) { // absolute form: the path starts after the authority
                int slash = target.indexOf('/', scheme + 3);
                target = slash < 0 ? "/" : target.substring(slash);
            }
        }
        int q = target.indexOf('?');
        this.rawPath = q < 0 ? target : target.substring(0, q);
        this.queryString = q < 0 ? "" : target.substring(q + 1);
        this.path = decodePath(rawPath);
    }

    /** Percent-decodes a path as UTF-8; {@code +} stays {@code +} in a path. */
    private static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new HttpStatusException(400, "malformed percent-encoding in the path");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void pathParams(Map<String, String> p) {
        this.params = p;
    }

    @Override
    public String method() {
        return head.method();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String queryString() {
        return queryString;
    }

    @Override
    public Map<String, List<String>> query() {
        if (query == null) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            if (!queryString.isEmpty()) {
                for (String pair : queryString.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
                    m.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            m.replaceAll((k, v) -> List.copyOf(v));
            query = Collections.unmodifiableMap(m);
        }
        return query;
    }

    private static String decodeQuery(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(400, "malformed percent-encoding in the query");
        }
    }

    @Override
    public String pathParam(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the route of " + path + " has no parameter {" + name + "}; it has "
                    + params.keySet());
        }
        return v;
    }

    @Override
    public Headers headers() {
        return head.headers();
    }

    @Override
    public String version() {
        return head.version().text();
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public boolean keepAlive() {
        return head.keepAlive();
    }

    @Override
    public long contentLength() {
        return head.framing() == BodyFraming.CHUNKED ? -1 : Math.max(0, head.contentLength());
    }

    @Override
    public byte[] read() throws IOException {
        if (bytes != null) {
            return bytes;
        }
        if (streamed) {
            throw new IllegalStateException("the body was read as a stream (content()); it cannot be read whole too");
        }
        if (contentLength() > maxBody) {
            throw tooLarge();
        }
        byte[] b = body.readAll(maxBody);
        if (b == null) {
            throw tooLarge();
        }
        bytes = b;
        return b;
    }

    private HttpStatusException tooLarge() {
        return new HttpStatusException(413, "Maximum request body size " + maxBody + " exceeded");
    }

    @Override
    public String text() throws IOException {
        return new String(read(), charset());
    }

    private Charset charset() {
        String ct = head.headers().get("Content-Type");
        String name = ContentTypes.charsetName(ct);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(415, "unknown charset in Content-Type: " + ct);
        }
    }

    @Override
    public <T> T json(Class<T> type) throws IOException {
        byte[] b = read();
        try {
            return Json.read(b, type);
        } catch (IOException e) {
            throw new HttpStatusException(400, "the body is not JSON of the expected shape");
        }
    }

    @Override
    public BodyStream content() {
        if (bytes != null) {
            throw new IllegalStateException("the body was already read whole");
        }
        streamed = true;
        return body;
    }

    RequestHead head() {
        return head;
    }

    @Override
    public String toString() {
        return "<Request " + head.method() + " " + head.target() + ">";
    }
}
