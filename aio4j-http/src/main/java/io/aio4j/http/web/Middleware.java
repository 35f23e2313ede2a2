package io.aio4j.http.web;

/**
 * Code around every handler of an application: aiohttp.web's middleware. The first added is the
 * outermost. It may answer by itself, change the request's handling, or look at the response.
 * <pre>{@code
 * Middleware timing = (request, next) -> {
 *     long t0 = System.nanoTime();
 *     Response r = next.handle(request);
 *     return r.header("Server-Timing", "app;dur=" + (System.nanoTime() - t0) / 1_000_000);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Middleware {
    /**
     * Handles a request.
     *
     * @param request the request
     * @param next the rest of the chain, the route's handler last
     * @return the response
     * @throws Exception on failure, as a handler
     */
    Response handle(Request request, Handler next) throws Exception;
}
