package io.aio4j.http;

import java.net.URI;
import java.util.List;

/**
 * A request was redirected more than its limit allows (10 by default): aiohttp's
 * {@code TooManyRedirects}. The history holds the redirects followed, their bodies released.
 */
public final class TooManyRedirectsException extends ClientResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the last redirect's status
     * @param url the URL of the last redirect
     * @param headers the last redirect's headers
     * @param history the redirects followed, oldest first
     */
    public TooManyRedirectsException(int status, URI url, Headers headers, List<ClientResponse> history) {
        super(status, "Too many redirects (" + history.size() + ")", url, headers, history, null);
    }
}
