package io.aio4j.http.web;

/**
 * Thrown by a handler (or the router) to answer with an error status: aiohttp.web's
 * {@code HTTPException} family ({@code HTTPNotFound} is {@code new HttpStatusException(404)}). The
 * response is the status with its reason and a short text body, or the response given.
 */
public class HttpStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The answer. */
    private final transient Response response;

    /**
     * Answers with a status, its standard reason, and the reason as a text body.
     *
     * @param status the status, 400 to 599 usually
     */
    public HttpStatusException(int status) {
        this(status, Response.reasonOf(status));
    }

    /**
     * Answers with a status and a text body.
     *
     * @param status the status
     * @param message the body, and this exception's message
     */
    public HttpStatusException(int status, String message) {
        this(Response.text(message).status(status), message);
    }

    /**
     * Answers with a response of the caller's.
     *
     * @param response the response
     * @param message this exception's message
     */
    public HttpStatusException(Response response, String message) {
        super(response.status() + " " + message);
        this.response = response;
    }

    /**
     * Returns the response this exception answers with.
     *
     * @return the response
     */
    public Response response() {
        return response;
    }

    /**
     * Returns the status.
     *
     * @return the status
     */
    public int status() {
        return response.status();
    }
}
