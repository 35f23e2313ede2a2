package io.aio4j.http;

import java.util.Iterator;
import java.util.Map;

/**
 * What a request carries besides its method and URL: aiohttp's keyword arguments
 * ({@code params=}, {@code headers=}, {@code json=}, {@code data=}, {@code timeout=},
 * {@code allow_redirects=}...). The session hands one to the lambda of a request method:
 * <pre>{@code
 * try (var r = session.post(url, req -> req.header("X-Trace", id).json(order))) { ... }
 * }</pre>
 * One body at most: the last of {@code json}, {@code text}, {@code body}, {@code form},
 * {@code multipart} or {@code stream} wins. Header names and values, and the URL, are checked
 * before a byte is sent: a CR, LF, NUL or other control character is refused with
 * {@link IllegalArgumentException}.
 */
public interface RequestSpec {
    /**
     * Adds a header (another value if the name is there already).
     *
     * @param name the name
     * @param value the value
     * @return this
     */
    RequestSpec header(String name, String value);

    /**
     * Adds headers.
     *
     * @param headers the headers
     * @return this
     */
    RequestSpec headers(Headers headers);

    /**
     * Adds a query parameter, percent-encoded, after those of the URL.
     *
     * @param name the name
     * @param value the value
     * @return this
     */
    RequestSpec param(String name, String value);

    /**
     * Adds query parameters in the map's order.
     *
     * @param params the parameters
     * @return this
     */
    RequestSpec params(Map<String, String> params);

    /**
     * Sends a value as JSON (Jackson), with {@code Content-Type: application/json}.
     *
     * @param value the value
     * @return this
     */
    RequestSpec json(Object value);

    /**
     * Sends text in UTF-8, with {@code Content-Type: text/plain; charset=utf-8} unless a
     * content type is set.
     *
     * @param text the text
     * @return this
     */
    RequestSpec text(String text);

    /**
     * Sends bytes, with {@code Content-Type: application/octet-stream} unless a content type is
     * set.
     *
     * @param bytes the body
     * @return this
     */
    RequestSpec body(byte[] bytes);

    /**
     * Sends a form, {@code application/x-www-form-urlencoded}.
     *
     * @param fields the fields, in the map's order
     * @return this
     */
    RequestSpec form(Map<String, String> fields);

    /**
     * Sends a {@code multipart/form-data} form (fields and files).
     *
     * @param form the form
     * @return this
     */
    RequestSpec multipart(Multipart form);

    /**
     * Sends a body as it is produced, chunked: each {@code next()} may suspend (it runs in the
     * requesting task). Such a body cannot be sent twice, so a 307/308 redirect or a retry on a
     * stale connection fails instead of resending it.
     *
     * @param chunks the body's pieces
     * @return this
     */
    RequestSpec stream(Iterator<byte[]> chunks);

    /**
     * Sends credentials with this request (dropped if a redirect leaves its origin).
     *
     * @param credentials the credentials
     * @return this
     */
    default RequestSpec auth(BasicAuth credentials) {
        return header("Authorization", credentials.encode());
    }

    /**
     * Sets the timeouts of this request, instead of the session's.
     *
     * @param timeout the timeouts
     * @return this
     */
    RequestSpec timeout(ClientTimeout timeout);

    /**
     * Says whether to follow redirects (default: yes).
     *
     * @param allow whether to follow
     * @return this
     */
    RequestSpec allowRedirects(boolean allow);

    /**
     * Sets how many redirects to follow before {@link TooManyRedirectsException} (default 10).
     *
     * @param max the limit
     * @return this
     */
    RequestSpec maxRedirects(int max);

    /**
     * Says whether a status of 400 or more raises {@link ClientResponseException} at once,
     * instead of the session's setting.
     *
     * @param raise whether to raise
     * @return this
     */
    RequestSpec raiseForStatus(boolean raise);
}
