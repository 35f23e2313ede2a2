package io.aio4j.http.internal.client;

import io.aio4j.http.ClientRequest;
import io.aio4j.http.ClientTimeout;
import io.aio4j.http.Headers;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Thread-safe (immutable). A request as it goes to one URL: redirects make new ones. It is the
 * {@link ClientRequest} that middlewares see.
 *
 * @param method the method token
 * @param url the absolute URL, query parameters included
 * @param headers the caller's and the session's headers (not yet Host, Content-Length and the like)
 * @param body the body
 * @param timeout the timeouts
 * @param allowRedirects whether redirects are followed
 * @param maxRedirects how many
 * @param raiseForStatus whether a status of 400 or more raises
 */
record OutgoingRequest(String method, URI url, Headers headers, RequestBody body, ClientTimeout timeout,
        boolean allowRedirects, int maxRedirects, boolean raiseForStatus) implements ClientRequest {
    /** Methods a retry may resend (RFC 9110 §9.2.2), as Go's transport decides. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");
    /** What a redirect to another origin must not carry along (aiohttp, and policy §1). */
    private static final String[] CREDENTIALS = {"Authorization", "Proxy-Authorization", "Cookie"};

    /**
     * Returns the origin the request goes to.
     *
     * @return the origin
     */
    Origin origin() {
        return Origin.of(url);
    }

    /**
     * Says whether a request that met a stale pooled connection may be sent again: Go's rule, the
     * request must be idempotent and its body replayable.
     *
     * @return {@code true} if a retry is safe
     */
    boolean retryable() {
        return IDEMPOTENT.contains(method) && body.replayable();
    }

    /**
     * Returns the request a redirect makes: 301 and 302 turn a POST into a GET, 303 turns anything
     * but HEAD into a GET (both without the body); 307 and 308 keep the method and the body. A
     * new origin drops the credentials.
     *
     * @param status the redirect's status
     * @param to where it goes
     * @return the new request, or {@code null} if it would resend a body that cannot be replayed
     */
    OutgoingRequest redirected(int status, URI to) {
        boolean toGet = (status == 303 && !method.equals("HEAD")) || ((status == 301 || status == 302) && method.equals("POST"));
        RequestBody b = toGet ? RequestBody.NONE : body;
        if (!toGet && !body.replayable()) {
            return null;
        }
        Headers.Builder h = headers.toBuilder();
        if (toGet) {
            h.remove("Content-Type");
        }
        if (!Origin.of(to).equals(origin())) {
            for (String c : CREDENTIALS) {
                h.remove(c);
            }
        }
        return new OutgoingRequest(toGet ? "GET" : method, to, h.build(), b, timeout, allowRedirects, maxRedirects,
                raiseForStatus);
    }

    @Override
    public ClientRequest withHeaders(Headers h) {
        return new OutgoingRequest(method, url, h, body, timeout, allowRedirects, maxRedirects, raiseForStatus);
    }

    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + url;
    }
}
