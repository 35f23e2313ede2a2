package io.aio4j.http;

/**
 * A redirect's {@code Location} is not a valid URL: aiohttp's
 * {@code InvalidUrlRedirectClientError}. The fault is the server's.
 */
public final class InvalidUrlRedirectClientException extends InvalidUrlClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param url the URL, as given
     * @param message what is wrong with it
     */
    public InvalidUrlRedirectClientException(String url, String message) {
        super(url, message);
    }
}
