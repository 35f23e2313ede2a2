package io.aio4j.http.web;

import io.aio4j.http.BodyStream;
import io.aio4j.http.Headers;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A request as a {@link Handler} sees it: aiohttp.web's {@code Request}. The head is parsed; the
 * body is read on demand, whole ({@link #read()}, {@link #text()}, {@link #json(Class)}) or as it
 * arrives ({@link #content()}). A body larger than the application's limit (aiohttp's
 * {@code client_max_size}, 1 MiB by default) is refused with 413 when read whole; a streamed read
 * has no limit. A body the handler leaves unread is drained after the response when it is small,
 * else the connection is closed.
 *
 * <p>Loop thread only: it belongs to the handler's task.
 */
public interface Request {
    /**
     * Returns the method.
     *
     * @return e.g. {@code "GET"}
     */
    String method();

    /**
     * Returns the path, percent-decoded.
     *
     * @return e.g. {@code "/users/ann smith"}
     */
    String path();

    /**
     * Returns the path as sent.
     *
     * @return e.g. {@code "/users/ann%20smith"}
     */
    String rawPath();

    /**
     * Returns the query string as sent, without {@code ?}.
     *
     * @return the query, empty if none
     */
    String queryString();

    /**
     * Returns the query parameters, decoded, in order.
     *
     * @return each name with its values
     */
    Map<String, List<String>> query();

    /**
     * Returns the first value of a query parameter.
     *
     * @param name the name
     * @return the value, or {@code null}
     */
    default String queryParam(String name) {
        List<String> v = query().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Returns a parameter of the route's path pattern ({@code {id}} in {@code /users/{id}}).
     *
     * @param name the name
     * @return the value, percent-decoded
     * @throws IllegalArgumentException if the route has no such parameter
     */
    String pathParam(String name);

    /**
     * Returns the headers.
     *
     * @return the headers
     */
    Headers headers();

    /**
     * Returns the protocol version.
     *
     * @return {@code "HTTP/1.1"} or {@code "HTTP/1.0"}
     */
    String version();

    /**
     * Returns the client's address.
     *
     * @return the peer's address
     */
    SocketAddress remoteAddress();

    /**
     * Says whether the connection may carry another request after this one.
     *
     * @return {@code true} for keep-alive
     */
    boolean keepAlive();

    /**
     * Returns the body's announced length.
     *
     * @return the {@code Content-Length}, or {@code -1} for a chunked body (0 for none)
     */
    long contentLength();

    /**
     * Reads the whole body. Suspends the calling task. A second call returns the same bytes.
     *
     * @return the body
     * @throws HttpStatusException 413 if it is larger than the application's limit
     * @throws IOException if the client went away or sent a malformed body
     */
    byte[] read() throws IOException;

    /**
     * Reads the whole body as text in the charset of {@code Content-Type}, else UTF-8. Suspends the
     * calling task.
     *
     * @return the text
     * @throws IOException as {@link #read()}
     */
    String text() throws IOException;

    /**
     * Reads the whole body as JSON (Jackson). Suspends the calling task.
     *
     * @param <T> the type
     * @param type the class to read into
     * @return the value
     * @throws HttpStatusException 400 if the body is not JSON of that shape, 413 if too large
     * @throws IOException as {@link #read()}
     */
    <T> T json(Class<T> type) throws IOException;

    /**
     * Returns the body as a stream, to read while it arrives.
     *
     * @return the stream
     * @throws IllegalStateException if the body was already read whole
     */
    BodyStream content();
}
