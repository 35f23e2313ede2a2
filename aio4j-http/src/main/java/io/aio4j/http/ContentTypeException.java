package io.aio4j.http;

import java.net.URI;
import java.util.List;

/**
 * {@link ClientResponse#json(Class)} was called on a response whose {@code Content-Type} is not
 * JSON: aiohttp's {@code ContentTypeError}. Pass {@code null} as the expected content type to read
 * it anyway.
 */
public final class ContentTypeException extends ClientResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the response's status
     * @param contentType the content type the response had
     * @param url the URL requested
     * @param headers the response's headers
     * @param history the redirects that led here
     */
    public ContentTypeException(int status, String contentType, URI url, Headers headers,
            List<ClientResponse> history) {
        super(status, "Attempt to decode JSON with unexpected mimetype: " + contentType, url, headers, history, null);
    }
}
