package io.aio4j.http;

import io.aio4j.http.internal.client.Session;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An HTTP client session: aiohttp's {@code ClientSession}. It keeps a pool of connections, so
 * requests to the same host reuse them; make one per application (or per group of related
 * requests), not one per request, and close it (try-with-resources): that closes its connections.
 * <pre>{@code
 * try (var session = ClientSession.create(); var response = session.get(url)) {
 *     response.raiseForStatus();
 *     return response.text();
 * }
 * }</pre>
 * Each request method suspends the calling task until the response's head has arrived, and
 * returns the response with its body still to read.
 *
 * <p>Loop thread only: a session belongs to the loop it was created on (inside {@code Aio.run}).
 */
public interface ClientSession extends AutoCloseable {
    /**
     * Creates a session with aiohttp's defaults. Call it in a task.
     *
     * @return the session
     */
    static ClientSession create() {
        return builder().build();
    }

    /**
     * Returns a builder of sessions.
     *
     * @return the builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a request. Suspends the calling task until the response's head has arrived.
     *
     * @param method the method, e.g. {@code "GET"}
     * @param url an absolute {@code http} or {@code https} URL, or one relative to the base URL
     * @param spec sets headers, parameters, body, timeouts
     * @return the response; close it
     * @throws ClientException if the request failed; see the tree in {@link ClientException}
     */
    ClientResponse request(String method, String url, Consumer<? super RequestSpec> spec) throws ClientException;

    /**
     * Sends a GET. Suspends the calling task.
     *
     * @param url the URL
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse get(String url) throws ClientException {
        return request("GET", url, r -> { });
    }

    /**
     * Sends a GET. Suspends the calling task.
     *
     * @param url the URL
     * @param spec sets headers, parameters, timeouts
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse get(String url, Consumer<? super RequestSpec> spec) throws ClientException {
        return request("GET", url, spec);
    }

    /**
     * Sends a POST. Suspends the calling task.
     *
     * @param url the URL
     * @param spec sets the body, headers, parameters, timeouts
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse post(String url, Consumer<? super RequestSpec> spec) throws ClientException {
        return request("POST", url, spec);
    }

    /**
     * Sends a PUT. Suspends the calling task.
     *
     * @param url the URL
     * @param spec sets the body, headers, parameters, timeouts
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse put(String url, Consumer<? super RequestSpec> spec) throws ClientException {
        return request("PUT", url, spec);
    }

    /**
     * Sends a PATCH. Suspends the calling task.
     *
     * @param url the URL
     * @param spec sets the body, headers, parameters, timeouts
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse patch(String url, Consumer<? super RequestSpec> spec) throws ClientException {
        return request("PATCH", url, spec);
    }

    /**
     * Sends a DELETE. Suspends the calling task.
     *
     * @param url the URL
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse delete(String url) throws ClientException {
        return request("DELETE", url, r -> { });
    }

    /**
     * Sends a HEAD: the response has no body. Suspends the calling task.
     *
     * @param url the URL
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse head(String url) throws ClientException {
        return request("HEAD", url, r -> r.allowRedirects(false));
    }

    /**
     * Sends an OPTIONS. Suspends the calling task.
     *
     * @param url the URL
     * @return the response; close it
     * @throws ClientException if the request failed
     */
    default ClientResponse options(String url) throws ClientException {
        return request("OPTIONS", url, r -> { });
    }

    /**
     * Says whether the session is closed.
     *
     * @return {@code true} after {@link #close()}
     */
    boolean isClosed();

    /**
     * Closes the session and every connection of its pool, idle or busy; responses still being
     * read then fail with {@link ServerDisconnectedException}. Idempotent.
     */
    @Override
    void close();

    /**
     * Builds a {@link ClientSession}. Not thread-safe; {@link #build()} is called in a task of the
     * loop the session is for.
     */
    final class Builder {
        private URI baseUrl;
        private final Headers.Builder headers = Headers.builder();
        private ClientTimeout timeout = ClientTimeout.DEFAULT;
        private TcpConnector connector = TcpConnector.defaults();
        private boolean raiseForStatus;
        private boolean autoDecompress = true;
        private long maxDecompressedSize = 64L * 1024 * 1024;
        private BasicAuth auth;
        private CookieHandler cookieJar;
        private boolean ownCookieJar = true;
        private final List<ClientMiddleware> middlewares = new ArrayList<>();
        private final List<TraceConfig> traces = new ArrayList<>();

        Builder() {
        }

        /**
         * Sets the URL that relative request URLs are resolved against (aiohttp's
         * {@code base_url}).
         *
         * @param url an absolute {@code http} or {@code https} URL
         * @return this
         */
        public Builder baseUrl(String url) {
            this.baseUrl = URI.create(url);
            return this;
        }

        /**
         * Adds a header sent with every request.
         *
         * @param name the name
         * @param value the value
         * @return this
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Sets the timeouts (default {@link ClientTimeout#DEFAULT}).
         *
         * @param t the timeouts
         * @return this
         */
        public Builder timeout(ClientTimeout t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        /**
         * Sets how connections are made and pooled (default {@link TcpConnector#defaults()}).
         *
         * @param c the connector settings
         * @return this
         */
        public Builder connector(TcpConnector c) {
            this.connector = Objects.requireNonNull(c, "connector");
            return this;
        }

        /**
         * Says whether every response of 400 or more raises {@link ClientResponseException}
         * (default: no).
         *
         * @param raise whether to raise
         * @return this
         */
        public Builder raiseForStatus(boolean raise) {
            this.raiseForStatus = raise;
            return this;
        }

        /**
         * Says whether to ask for gzip and deflate and decompress the bodies (default: yes), and
         * how large a decompressed body may grow before {@link ClientPayloadException} (default
         * 64 MiB: a decompression bomb is stopped).
         *
         * @param on whether to decompress
         * @param maxSize the largest decompressed body, in bytes
         * @return this
         */
        public Builder autoDecompress(boolean on, long maxSize) {
            if (maxSize <= 0) {
                throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
            }
            this.autoDecompress = on;
            this.maxDecompressedSize = maxSize;
            return this;
        }

        /**
         * Sets credentials sent with every request (and dropped on a redirect to another origin).
         *
         * @param credentials the credentials, or {@code null} for none
         * @return this
         */
        public Builder auth(BasicAuth credentials) {
            this.auth = credentials;
            return this;
        }

        /**
         * Sets where cookies are kept: by default a new {@link CookieManager} of the session's own,
         * which keeps cookies from the server that set them; {@code null} keeps none (aiohttp's
         * {@code DummyCookieJar}).
         *
         * @param jar the cookie store, or {@code null}
         * @return this
         */
        public Builder cookieJar(CookieHandler jar) {
            this.cookieJar = jar;
            this.ownCookieJar = false;
            return this;
        }

        /**
         * Adds a middleware; the first added is the outermost.
         *
         * @param middleware the middleware
         * @return this
         */
        public Builder middleware(ClientMiddleware middleware) {
            middlewares.add(Objects.requireNonNull(middleware, "middleware"));
            return this;
        }

        /**
         * Adds trace hooks (aiohttp's {@code trace_configs}).
         *
         * @param trace the hooks
         * @return this
         */
        public Builder trace(TraceConfig trace) {
            traces.add(Objects.requireNonNull(trace, "trace"));
            return this;
        }

        /**
         * Builds the session on the running loop. A builder may build several sessions; each has
         * a cookie jar of its own unless {@link #cookieJar} gave one.
         *
         * @return the session
         * @throws IllegalStateException outside a task of a running loop
         */
        public ClientSession build() {
            Headers h = headers.build();
            if (auth != null && !h.contains("Authorization")) {
                h = h.toBuilder().set("Authorization", auth.encode()).build();
            }
            return new Session(baseUrl, h, timeout, connector, raiseForStatus, autoDecompress, maxDecompressedSize,
                    ownCookieJar ? new CookieManager() : cookieJar, middlewares, traces);
        }
    }
}
