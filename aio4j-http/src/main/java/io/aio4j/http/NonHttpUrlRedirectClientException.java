package io.aio4j.http;

/**
 * A redirect to a scheme other than {@code http} or {@code https} (for example {@code file:} or
 * {@code gopher:}): aiohttp's {@code NonHttpUrlRedirectClientError}. The redirect is not followed.
 */
public final class NonHttpUrlRedirectClientException extends NonHttpUrlClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param url the URL, as given
     * @param message what is wrong with it
     */
    public NonHttpUrlRedirectClientException(String url, String message) {
        super(url, message);
    }
}
