package io.aio4j.http.web;

/**
 * Answers a request: aiohttp.web's handler. It runs as a task of the server's loop, so it is plain
 * code that may suspend ({@code request.read()}, {@code Aio.sleep}, a {@code ClientSession} call).
 * Throw an {@link HttpStatusException} to answer with an error status; any other exception is
 * answered with 500 and reported to the loop's exception handler.
 */
@FunctionalInterface
public interface Handler {
    /**
     * Answers a request. Suspends the calling task as long as it needs.
     *
     * @param request the request
     * @return the response
     * @throws Exception on failure
     */
    Response handle(Request request) throws Exception;
}
