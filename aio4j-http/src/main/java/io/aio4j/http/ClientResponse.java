package io.aio4j.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;

/**
 * A response of the HTTP client: aiohttp's {@code ClientResponse}. The head (status, headers) has
 * arrived when the request method returns; the body is read on demand, whole with {@link #read()},
 * {@link #text()} or {@link #json(Class)}, or piece by piece from {@link #content()}. A status of
 * 400 or more is a response, not an exception, until {@link #raiseForStatus()}.
 *
 * <p>Close it (try-with-resources): that releases its connection to the pool when the body was read
 * whole, and closes the connection otherwise. Reading the whole body releases it too. A response
 * that is neither read nor closed holds its connection; when its session closes, the connection is
 * closed and the response reported as unclosed to the loop's exception handler.
 *
 * <p>Loop thread only: call it from tasks of the session's loop.
 */
public interface ClientResponse extends AutoCloseable {
    /**
     * Returns the status code.
     *
     * @return the status, 100 to 999
     */
    int status();

    /**
     * Returns the reason phrase as the server sent it.
     *
     * @return the reason, maybe empty
     */
    String reason();

    /**
     * Returns the protocol version of the response.
     *
     * @return {@code "HTTP/1.1"} or {@code "HTTP/1.0"}
     */
    String version();

    /**
     * Returns the response's headers.
     *
     * @return the headers (case-insensitive, in the order received)
     */
    Headers headers();

    /**
     * Returns the URL of this response: the last one when redirects were followed.
     *
     * @return the URL
     */
    URI url();

    /**
     * Returns the method of the request this answers.
     *
     * @return the method, e.g. {@code "GET"}
     */
    String method();

    /**
     * Returns the redirects that led to this response, oldest first; their bodies are released.
     *
     * @return the history, empty without redirects
     */
    List<ClientResponse> history();

    /**
     * Says whether the status is below 400.
     *
     * @return {@code true} for 1xx, 2xx and 3xx
     */
    default boolean ok() {
        return status() < 400;
    }

    /**
     * Raises a {@link ClientResponseException} if the status is 400 or more, and releases the
     * connection first.
     *
     * @return this response, for chaining
     * @throws ClientResponseException if the status is 400 or more
     */
    ClientResponse raiseForStatus() throws ClientResponseException;

    /**
     * Returns the media type of the body, without parameters.
     *
     * @return e.g. {@code "text/html"}; {@code "application/octet-stream"} when the header is absent
     */
    String contentType();

    /**
     * Returns the charset named by {@code Content-Type}.
     *
     * @return the charset, or {@code null} when none is named (or it is unknown)
     */
    Charset charset();

    /**
     * Returns the body's length as announced.
     *
     * @return the {@code Content-Length} of the body as sent, or {@code -1} when not announced
     */
    long contentLength();

    /**
     * Reads the whole body, decompressed, and releases the connection. Suspends the calling task.
     * A second call returns the same bytes.
     *
     * @return the body
     * @throws ClientPayloadException if the body could not be read whole
     * @throws ServerTimeoutException if a timeout expired meanwhile
     * @throws ClientException another failure of the connection
     */
    byte[] read() throws ClientException;

    /**
     * Reads the whole body as text in the charset of {@code Content-Type}, else UTF-8 (aiohttp
     * guesses; UTF-8 is what the web mostly sends). Suspends the calling task.
     *
     * @return the text; malformed bytes become U+FFFD
     * @throws ClientException as {@link #read()}
     */
    String text() throws ClientException;

    /**
     * Reads the whole body as text in the given charset. Suspends the calling task.
     *
     * @param charset the charset
     * @return the text; malformed bytes become U+FFFD
     * @throws ClientException as {@link #read()}
     */
    String text(Charset charset) throws ClientException;

    /**
     * Reads the whole body as JSON (Jackson) into a value of a type. The content type must be JSON
     * ({@code application/json} or {@code +json}). Suspends the calling task.
     *
     * @param <T> the type
     * @param type the class to read into; {@code Object.class} gives maps, lists, strings, numbers
     * @return the value
     * @throws ContentTypeException if the content type is not JSON
     * @throws ClientPayloadException if the body is not JSON of that shape
     * @throws ClientException as {@link #read()}
     */
    <T> T json(Class<T> type) throws ClientException;

    /**
     * Returns the body as a stream, to read piece by piece while it arrives. Reading it to its end
     * releases the connection.
     *
     * @return the body stream
     * @throws IllegalStateException if the body was already read whole
     */
    BodyStream content();

    /**
     * Releases the connection: back to the pool when the body was read to its end, else closed.
     * Idempotent; the same as {@link #close()}.
     */
    void release();

    /** Closes the response: the same as {@link #release()}. */
    @Override
    void close();
}
