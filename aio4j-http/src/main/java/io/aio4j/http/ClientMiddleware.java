package io.aio4j.http;

/**
 * Code around each request a session sends: aiohttp's client middlewares, OkHttp's interceptors.
 * A middleware may change the request, call the next handler (or not, or more than once: a retry),
 * and look at or replace the response. Middlewares run in the order they were added, the first
 * outermost, for every request, redirects included; they run in the requesting task.
 * <pre>{@code
 * ClientMiddleware auth = (request, next) -> {
 *     ClientResponse r = next.send(request.withHeader("Authorization", "Bearer " + token));
 *     if (r.status() != 401) {
 *         return r;
 *     }
 *     r.close();
 *     token = refresh();
 *     return next.send(request.withHeader("Authorization", "Bearer " + token));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ClientMiddleware {
    /**
     * Handles one request.
     *
     * @param request the request
     * @param next sends it on: the next middleware, or the network
     * @return the response
     * @throws ClientException if the request failed
     */
    ClientResponse handle(ClientRequest request, Next next) throws ClientException;

    /** The rest of the chain. */
    @FunctionalInterface
    interface Next {
        /**
         * Sends a request through the rest of the chain. Suspends the calling task.
         *
         * @param request the request
         * @return the response
         * @throws ClientException if the request failed
         */
        ClientResponse send(ClientRequest request) throws ClientException;
    }
}
