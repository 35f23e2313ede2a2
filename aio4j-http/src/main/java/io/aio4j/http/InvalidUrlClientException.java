package io.aio4j.http;

/**
 * A request URL that is malformed, has no host, or holds characters a request line cannot carry:
 * aiohttp's {@code InvalidUrlClientError}. Raised before a byte is written.
 */
public sealed class InvalidUrlClientException extends InvalidUrlException
        permits InvalidUrlRedirectClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param url the URL, as given
     * @param message what is wrong with it
     */
    public InvalidUrlClientException(String url, String message) {
        super(url, message);
    }
}
