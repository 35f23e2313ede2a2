package io.aio4j.http;

import java.net.URI;

/**
 * Hooks into a session's requests, for logging, metrics and tracing: aiohttp's {@code TraceConfig}
 * signals. Every method does nothing by default; override the ones you need. They run in the
 * requesting task, so they may suspend, and should be quick. An exception a hook throws fails the
 * request.
 * <pre>{@code
 * TraceConfig timing = new TraceConfig() {
 *     long start;
 *     public void requestStart(String method, URI url, Headers headers) { start = System.nanoTime(); }
 *     public void requestEnd(String method, URI url, ClientResponse r) { record(url, System.nanoTime() - start); }
 * };
 * ClientSession session = ClientSession.builder().trace(timing).build();
 * }</pre>
 */
public interface TraceConfig {
    /**
     * A request starts (each redirect is not a new start: see {@link #requestRedirect}).
     *
     * @param method the method
     * @param url the URL
     * @param headers the headers the caller and the session set
     */
    default void requestStart(String method, URI url, Headers headers) {
    }

    /**
     * The response's head arrived (after any redirects).
     *
     * @param method the method
     * @param url the URL asked for
     * @param response the response, its body still to read
     */
    default void requestEnd(String method, URI url, ClientResponse response) {
    }

    /**
     * The request failed.
     *
     * @param method the method
     * @param url the URL asked for
     * @param exception what failed
     */
    default void requestException(String method, URI url, Throwable exception) {
    }

    /**
     * A redirect is followed.
     *
     * @param method the method of the request redirected
     * @param url its URL
     * @param response the redirect, its body released
     */
    default void requestRedirect(String method, URI url, ClientResponse response) {
    }

    /**
     * The request waits for room in the pool (its limits are reached).
     *
     * @param url the URL
     */
    default void connectionQueuedStart(URI url) {
    }

    /**
     * The request got room in the pool.
     *
     * @param url the URL
     */
    default void connectionQueuedEnd(URI url) {
    }

    /**
     * A new connection is being made.
     *
     * @param url the URL it is for
     */
    default void connectionCreateStart(URI url) {
    }

    /**
     * A new connection is ready (TLS handshake included).
     *
     * @param url the URL it is for
     */
    default void connectionCreateEnd(URI url) {
    }

    /**
     * A pooled connection is reused.
     *
     * @param url the URL it is for
     */
    default void connectionReuse(URI url) {
    }

    /**
     * The request's head was handed to the connection.
     *
     * @param method the method
     * @param url the URL
     * @param headers the headers as sent, the client's own included
     */
    default void requestHeadersSent(String method, URI url, Headers headers) {
    }
}
