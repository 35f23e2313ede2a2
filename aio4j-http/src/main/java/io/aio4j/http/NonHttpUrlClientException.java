package io.aio4j.http;

/**
 * A request URL whose scheme is not {@code http} or {@code https}: aiohttp's
 * {@code NonHttpUrlClientError}.
 */
public sealed class NonHttpUrlClientException extends ClientException
        permits NonHttpUrlRedirectClientException {
    private static final long serialVersionUID = 1L;

    /** The URL as the caller or the server gave it. */
    private final String url;

    /**
     * Creates the exception.
     *
     * @param url the URL, as given
     * @param message what is wrong with it
     */
    public NonHttpUrlClientException(String url, String message) {
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
