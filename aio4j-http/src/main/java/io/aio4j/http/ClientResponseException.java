package io.aio4j.http;

import java.net.URI;
import java.util.List;

/**
 * The response was an error, or could not be read as a response: aiohttp's
 * {@code ClientResponseError}. {@link ClientResponse#raiseForStatus()} raises it for a status of 400
 * or more, with the status and reason; a malformed response head raises it with status 400 and the
 * parser's {@link BadHttpMessageException} as the cause (the fault is the server's).
 */
public sealed class ClientResponseException extends ClientException
        permits TooManyRedirectsException, ContentTypeException {
    private static final long serialVersionUID = 1L;

    /** The status, or 400 for a response that could not be parsed. */
    private final int status;
    /** The reason phrase or what was wrong. */
    private final String reason;
    /** The URL requested. */
    private final URI url;
    /** The response's headers; {@code null} when the head could not be parsed. */
    private final transient Headers headers;
    /** The responses that redirected here, oldest first. */
    private final transient List<ClientResponse> history;

    /**
     * Creates the exception.
     *
     * @param status the status code
     * @param reason the reason phrase, or what was wrong
     * @param url the URL requested
     * @param headers the response's headers, or {@code null}
     * @param history the redirects that led here, oldest first
     * @param cause the underlying failure, or {@code null}
     */
    public ClientResponseException(int status, String reason, URI url, Headers headers, List<ClientResponse> history,
            Throwable cause) {
        super(status + ", message='" + reason + "', url='" + url + "'", cause);
        this.status = status;
        this.reason = reason;
        this.url = url;
        this.headers = headers;
        this.history = List.copyOf(history);
    }

    /**
     * Returns the response's status.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * Returns the reason phrase, or what was wrong with the response.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the URL that was requested.
     *
     * @return the URL
     */
    public URI url() {
        return url;
    }

    /**
     * Returns the response's headers.
     *
     * @return the headers, or {@code null} when the head could not be parsed (or after
     *     deserialization)
     */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns the responses that redirected to this one, oldest first. Their bodies are released.
     *
     * @return the history; empty without redirects (or after deserialization)
     */
    public List<ClientResponse> history() {
        return history == null ? List.of() : history;
    }
}
