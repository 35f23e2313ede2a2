package io.aio4j.http;

/**
 * A URL the client cannot use: aiohttp's {@code InvalidURL}. The fault is the caller's (or, for
 * {@link InvalidUrlRedirectClientException}, the server's).
 */
public sealed class InvalidUrlException extends ClientException
        permits InvalidUrlClientException {
    private static final long serialVersionUID = 1L;

    /** The URL as the caller or the server gave it. */
    private final String url;

    /**
     * Creates the exception.
     *
     * @param url the URL, as given
     * @param message what is wrong with it
     */
    public InvalidUrlException(String url, String message) {
        super(message + ": " + url, null);
        this.url = url;
    }

    /**
     * Returns the URL that was refused.
     *
     * @return the URL, as given
     */
    public String url() {
        return url;
    }
}
