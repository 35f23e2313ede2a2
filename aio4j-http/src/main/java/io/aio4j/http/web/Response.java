package io.aio4j.http.web;

import io.aio4j.http.Headers;
import io.aio4j.http.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Handler} answers: aiohttp.web's {@code Response}, {@code json_response},
 * {@code StreamResponse} and {@code FileResponse}. Made by a static factory, then adjusted:
 * <pre>{@code
 * return Response.json(order).status(201).header("Location", "/orders/" + order.id());
 * }</pre>
 * The server adds {@code Content-Length} (or chunked framing), {@code Date} and {@code Server}.
 * Not thread-safe: a response belongs to the task that handles its request.
 */
public final class Response {
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(100, "Continue"),
            Map.entry(101, "Switching Protocols"), Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(411, "Length Required"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(417, "Expectation Failed"),
            Map.entry(422, "Unprocessable Content"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

    /** Writes a streaming body. */
    @FunctionalInterface
    public interface StreamBody {
        /**
         * Writes the body. Runs in the handler's task after the head was sent; may suspend.
         *
         * @param out where the body goes
         * @throws Exception on failure: the connection is then closed, as the response is cut short
         */
        void writeTo(ResponseWriter out) throws Exception;
    }

    private int status = 200;
    private String reason;
    private final Headers.Builder headers = Headers.builder();
    private byte[] body = new byte[0];
    private StreamBody stream;
    private Path file;

    private Response() {
    }

    /**
     * Returns a text response, {@code text/plain; charset=utf-8}.
     *
     * @param text the body
     * @return the response, status 200
     */
    public static Response text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /**
     * Returns an HTML response, {@code text/html; charset=utf-8}.
     *
     * @param html the body
     * @return the response, status 200
     */
    public static Response html(String html) {
        return bytes(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    /**
     * Returns a JSON response (Jackson), {@code application/json}.
     *
     * @param value the value
     * @return the response, status 200
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    public static Response json(Object value) {
        return bytes(Json.write(value), "application/json");
    }

    /**
     * Returns a response with a body of bytes.
     *
     * @param body the body (not copied)
     * @param contentType its media type
     * @return the response, status 200
     */
    public static Response bytes(byte[] body, String contentType) {
        Response r = new Response();
        r.body = Objects.requireNonNull(body, "body");
        r.headers.set("Content-Type", contentType);
        return r;
    }

    /**
     * Returns a response with no body.
     *
     * @param status the status
     * @return the response
     */
    public static Response ofStatus(int status) {
        return new Response().status(status);
    }

    /**
     * Returns a response whose body is written while it is made; chunked unless a
     * {@code Content-Length} header is set.
     *
     * @param contentType the body's media type
     * @param body writes the body
     * @return the response, status 200
     */
    public static Response stream(String contentType, StreamBody body) {
        Response r = new Response();
        r.stream = Objects.requireNonNull(body, "body");
        r.headers.set("Content-Type", contentType);
        return r;
    }

    /**
     * Returns a response with a file's content, sent when the response is: over plain HTTP straight
     * from the page cache to the socket ({@code sendfile}, no copy through the JVM), over TLS read
     * in pieces off the loop. The content type is guessed from the name (default
     * {@code application/octet-stream}). A missing file is answered with 404.
     *
     * @param path the file
     * @return the response, status 200
     */
    public static Response file(Path path) {
        Response r = new Response();
        r.file = Objects.requireNonNull(path, "path");
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String type = java.net.URLConnection.guessContentTypeFromName(name);
        r.headers.set("Content-Type", type != null ? type : "application/octet-stream");
        return r;
    }

    /**
     * Returns the standard reason phrase of a status.
     *
     * @param status the status
     * @return e.g. {@code "Not Found"}; {@code "Unknown"} for a status it does not know
     */
    public static String reasonOf(int status) {
        return REASONS.getOrDefault(status, "Unknown");
    }

    /**
     * Sets the status.
     *
     * @param s the status, 100 to 999
     * @return this
     */
    public Response status(int s) {
        if (s < 100 || s > 999) {
            throw new IllegalArgumentException("status must be from 100 to 999: " + s);
        }
        this.status = s;
        return this;
    }

    /**
     * Returns the status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Sets the reason phrase (by default the standard one of the status).
     *
     * @param r the reason
     * @return this
     */
    public Response reason(String r) {
        this.reason = r;
        return this;
    }

    /**
     * Returns the reason phrase.
     *
     * @return the reason
     */
    public String reason() {
        return reason != null ? reason : reasonOf(status);
    }

    /**
     * Sets a header, replacing its values. CR, LF and other controls are refused when the response
     * is sent.
     *
     * @param name the name
     * @param value the value
     * @return this
     */
    public Response header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /**
     * Adds a header value (another {@code Set-Cookie}, say).
     *
     * @param name the name
     * @param value the value
     * @return this
     */
    public Response addHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /**
     * Returns the headers set so far.
     *
     * @return a snapshot of the headers
     */
    public Headers headers() {
        return headers.build();
    }

    /**
     * Returns the body of a response made of bytes.
     *
     * @return the bytes; empty for a streaming or file response
     */
    public byte[] body() {
        return body;
    }

    /**
     * Returns the code that writes a streaming body.
     *
     * @return the stream body, or {@code null} if this response is not streaming
     */
    public StreamBody streamBody() {
        return stream;
    }

    /**
     * Returns the file of a file response.
     *
     * @return the file, or {@code null}
     */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "<Response " + status + " " + reason() + (stream != null ? " stream" : file != null ? " file " + file
                : " " + body.length + " bytes") + ">";
    }
}
