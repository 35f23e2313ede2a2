package io.aio4j.http.internal.client;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.DeadlineExceededException;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.http.ClientException;
import io.aio4j.http.ClientMiddleware;
import io.aio4j.http.ClientRequest;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientResponseException;
import io.aio4j.http.ClientSession;
import io.aio4j.http.ClientTimeout;
import io.aio4j.http.ConnectionTimeoutException;
import io.aio4j.http.Headers;
import io.aio4j.http.RequestSpec;
import io.aio4j.http.ServerDisconnectedException;
import io.aio4j.http.ServerTimeoutException;
import io.aio4j.http.TcpConnector;
import io.aio4j.http.TraceConfig;
import io.aio4j.http.TooManyRedirectsException;
import io.aio4j.http.internal.codec.BodyFraming;
import io.aio4j.http.internal.codec.HeadSerializer;
import io.aio4j.http.internal.codec.HttpVersion;
import io.aio4j.http.internal.codec.ResponseHead;
import io.aio4j.internal.loop.SelectorLoop;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Loop thread only. The {@link ClientSession}: turns a call into requests (redirects followed, a
 * stale pooled connection retried once under Go's rule), each sent on a connection of the
 * {@link Pool}.
 *
 * <p>A session that becomes unreachable while open is reported to its loop's exception handler
 * ("Unclosed client session") and its connections are closed, as aiohttp does from
 * {@code __del__}. Responses still open when the session closes are reported too.
 */
public final class Session implements ClientSession {
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon().name("aio4j-http-cleaner")
            .factory());
    /** The statuses a redirect is followed for. */
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "aio4j/0.1";

    private final EventLoop loop;
    private final URI baseUrl;
    private final Headers defaultHeaders;
    private final ClientTimeout timeout;
    private final boolean raiseForStatus;
    private final boolean autoDecompress;
    private final long maxDecompressed;
    private final Pool pool;
    /** Where cookies are kept; null keeps none. */
    private final CookieHandler cookies;
    private final List<ClientMiddleware> middlewares;
    private final Traces traces;
    /**
     * Responses not yet read to their end nor released, held weakly: one the caller drops is
     * reported by its {@link ResponseLeak} and its connection closed.
     */
    private final Set<Response> unreleased = Collections.newSetFromMap(new WeakHashMap<>());
    private final Cleaner.Cleanable leakReport;
    private boolean closed;
    /** The URL string last requested and what it resolved to: a client mostly asks the same few. */
    private String lastUrl;
    private URI lastUri;

    /**
     * Creates a session on the running loop; {@link ClientSession.Builder#build()} calls it.
     *
     * @param baseUrl the base URL, or {@code null}
     * @param headers headers for every request
     * @param timeout the timeouts
     * @param connector the pool's settings
     * @param raiseForStatus whether statuses of 400 or more raise
     * @param autoDecompress whether to ask for and decode gzip and deflate
     * @param maxDecompressed the largest decompressed body
     * @param cookies where cookies are kept, or {@code null}
     * @param middlewares the middlewares, outermost first
     * @param traces the trace hooks, in order
     */
    public Session(URI baseUrl, Headers headers, ClientTimeout timeout, TcpConnector connector, boolean raiseForStatus,
            boolean autoDecompress, long maxDecompressed, CookieHandler cookies, List<ClientMiddleware> middlewares,
            List<TraceConfig> traces) {
        this.loop = Aio.getRunningLoop();
        if (baseUrl != null) {
            try {
                Urls.request(null, baseUrl.toString());
            } catch (ClientException e) {
                throw new IllegalArgumentException("base URL " + baseUrl + ": " + e.getMessage(), e);
            }
        }
        this.baseUrl = baseUrl;
        this.defaultHeaders = headers;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.raiseForStatus = raiseForStatus;
        this.autoDecompress = autoDecompress;
        this.maxDecompressed = maxDecompressed;
        this.pool = new Pool(loop, connector);
        this.cookies = cookies;
        this.middlewares = List.copyOf(middlewares);
        this.traces = traces.isEmpty() ? Traces.NONE : new Traces(traces);
        this.leakReport = CLEANER.register(this, new LeakReport(loop, pool));
        if (loop instanceof SelectorLoop l) {
            l.resourceOpened(this); // so a test can see it left open (aio4j-testing's @AioTest)
        }
    }

    @Override
    public ClientResponse request(String method, String url, Consumer<? super RequestSpec> spec) throws ClientException {
        checkUsable();
        RequestBuilder rb = new RequestBuilder();
        spec.accept(rb);
        OutgoingRequest req = rb.build(method, resolve(url), defaultHeaders, timeout, raiseForStatus);
        if (traces.isEmpty()) {
            return follow(req);
        }
        traces.requestStart(req.method(), req.url(), req.headers());
        try {
            ClientResponse r = follow(req);
            traces.requestEnd(req.method(), req.url(), r);
            return r;
        } catch (ClientException | RuntimeException | Error e) {
            traces.requestException(req.method(), req.url(), e);
            throw e;
        }
    }

    /** Sends a request and follows its redirects. */
    private ClientResponse follow(OutgoingRequest req) throws ClientException {
        Duration total = req.timeout().total();
        long deadline = total == null ? Long.MAX_VALUE : loop.time() + total.toNanos();
        List<ClientResponse> history = new ArrayList<>();
        while (true) {
            Response r = hop(req, deadline);
            String location = r.headers().get("Location");
            if (!req.allowRedirects() || !REDIRECTS.contains(r.status()) || location == null || location.isBlank()) {
                r.history(history);
                if (req.raiseForStatus()) {
                    r.raiseForStatus();
                }
                return r;
            }
            URI to;
            try {
                to = Urls.redirect(req.url(), location);
            } catch (ClientException e) {
                r.release();
                throw e;
            }
            r.releaseRedirect();
            history.add(r);
            traces.requestRedirect(req.method(), req.url(), r);
            if (history.size() > req.maxRedirects()) {
                throw new TooManyRedirectsException(r.status(), r.url(), r.headers(), history);
            }
            OutgoingRequest next = req.redirected(r.status(), to);
            if (next == null) {
                throw new ClientResponseException(r.status(), "cannot follow the redirect to " + to
                        + ": it needs the request body again, and a streamed body cannot be sent twice", r.url(),
                        r.headers(), history, null);
            }
            req = next;
        }
    }

    /** Sends one request through the middlewares, then the network. */
    private Response hop(OutgoingRequest req, long deadline) throws ClientException {
        if (middlewares.isEmpty()) {
            return network(req, deadline);
        }
        ClientResponse r = through(0, req, deadline);
        if (!(r instanceof Response own)) {
            throw new IllegalStateException("a ClientMiddleware must return a response of the chain's next handler, not "
                    + r);
        }
        return own;
    }

    private ClientResponse through(int i, ClientRequest request, long deadline) throws ClientException {
        if (!(request instanceof OutgoingRequest req)) {
            throw new IllegalArgumentException("a ClientMiddleware must pass on the request it was given (or a copy "
                    + "made with its with... methods), not " + request);
        }
        if (i == middlewares.size()) {
            return network(req, deadline);
        }
        return middlewares.get(i).handle(req, next -> through(i + 1, next, deadline));
    }

    /** Checks and resolves a URL string against the base URL; URIs are immutable, so the last one is kept. */
    private URI resolve(String url) throws ClientException {
        if (!url.equals(lastUrl)) {
            lastUri = Urls.request(baseUrl, url);
            lastUrl = url;
        }
        return lastUri;
    }

    /** Whether the cookie jar may have a cookie for a request: a known jar that is empty has none. */
    private boolean mayHaveCookies() {
        return !(cookies instanceof CookieManager m) || !m.getCookieStore().getCookies().isEmpty();
    }

    /** The innermost handler: cookies in, the request out, cookies back. */
    private Response network(OutgoingRequest req, long deadline) throws ClientException {
        OutgoingRequest sent = req;
        if (cookies != null && mayHaveCookies() && !req.headers().contains("Cookie")) {
            try {
                List<String> c = cookies.get(req.url(), Map.of()).getOrDefault("Cookie", List.of());
                if (!c.isEmpty()) {
                    sent = (OutgoingRequest) req.withHeader("Cookie", String.join("; ", c));
                }
            } catch (IOException e) {
                throw new IllegalStateException("the cookie jar failed", e);
            }
        }
        Response r = send(sent, deadline);
        if (cookies != null && r.headers().contains("Set-Cookie")) {
            try {
                cookies.put(req.url(), Map.of("Set-Cookie", r.headers().getAll("Set-Cookie")));
            } catch (IOException e) {
                throw new IllegalStateException("the cookie jar failed", e);
            }
        }
        return r;
    }

    /** Sends one request and waits for its head; retries once on a stale pooled connection. */
    private Response send(OutgoingRequest req, long deadline) throws ClientException {
        Headers sentHeaders = sentHeaders(req);
        // Refuses CR, LF and other controls in the method, target or headers before anything is sent (F34).
        byte[] head = HeadSerializer.requestHead(req.method(), Urls.target(req.url(), List.of()), HttpVersion.HTTP_1_1,
                sentHeaders);
        for (int attempt = 0;; attempt++) {
            HttpConnection c = acquire(req, deadline);
            Exchange ex = new Exchange(loop, c, req, deadline);
            try {
                c.send(ex, head);
                if (!traces.isEmpty()) {
                    traces.requestHeadersSent(req.method(), req.url(), sentHeaders);
                }
                ResponseHead h = ex.awaitHead();
                Response r = new Response(this, ex, h, req, autoDecompress, maxDecompressed);
                if (ex.isComplete() && h.framing() == BodyFraming.NONE) {
                    return r; // nothing to read: no need to track it
                }
                unreleased.add(r);
                CLEANER.register(r, new ResponseLeak(loop, ex, req.url(), h));
                return r;
            } catch (ServerDisconnectedException e) {
                ex.abandon();
                if (attempt == 0 && c.reused() && !ex.responseStarted() && req.retryable()) {
                    continue; // Go's rule: the server closed a kept-alive connection as we reused it
                }
                throw e;
            } catch (ClientException | RuntimeException | CancelledError e) {
                ex.abandon();
                throw e;
            }
        }
    }

    private HttpConnection acquire(OutgoingRequest req, long deadline) throws ClientException {
        Duration connect = req.timeout().connect();
        boolean totalBinds = false;
        if (deadline != Long.MAX_VALUE) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - loop.time()));
            if (connect == null || left.compareTo(connect) < 0) {
                connect = left;
                totalBinds = true;
            }
        }
        Origin o = req.origin();
        Duration sockConnect = req.timeout().sockConnect();
        if (connect == null) {
            return pool.acquire(o, sockConnect, req.url(), traces);
        }
        try {
            return Aio.withTimeout(connect, () -> pool.acquire(o, sockConnect, req.url(), traces));
        } catch (CompletionException e) {
            if (e.getCause() instanceof ClientException ce) {
                throw ce; // a checked exception crossing the timeout scope comes wrapped once
            }
            throw e;
        } catch (DeadlineExceededException e) {
            if (totalBinds) {
                throw new ServerTimeoutException("Timeout: " + req + " took longer than the total timeout "
                        + req.timeout().total() + " (while connecting)", e);
            }
            throw new ConnectionTimeoutException("Connection timeout to host " + o + ": no connection within "
                    + req.timeout().connect(), e);
        }
    }

    /** The headers as sent: the request's, and the client's own (Host, framing, defaults). */
    private Headers sentHeaders(OutgoingRequest req) {
        Headers.Builder h = req.headers().toBuilder();
        Origin o = req.origin();
        if (h.get("Host") == null) {
            h.set("Host", o.hostHeader());
        }
        if (h.get("User-Agent") == null) {
            h.set("User-Agent", USER_AGENT);
        }
        if (h.get("Accept") == null) {
            h.set("Accept", "*/*");
        }
        if (autoDecompress && h.get("Accept-Encoding") == null) {
            h.set("Accept-Encoding", "gzip, deflate");
        }
        h.remove("Content-Length");
        h.remove("Transfer-Encoding");
        if (req.body() instanceof RequestBody.Fixed f) {
            if (f.bytes().length > 0 || !(req.method().equals("GET") || req.method().equals("HEAD")
                    || req.method().equals("OPTIONS") || req.method().equals("DELETE"))) {
                h.set("Content-Length", Integer.toString(f.bytes().length));
            }
        } else {
            h.set("Transfer-Encoding", "chunked");
        }
        return h.build();
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("Session is closed");
        }
        if (Aio.getRunningLoop() != loop) {
            throw new IllegalStateException("a ClientSession belongs to the loop it was created on ('" + loop.name()
                    + "'); it was used from another");
        }
    }

    void forget(Response r) {
        unreleased.remove(r);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop instanceof SelectorLoop l) {
            l.resourceClosed(this);
        }
        for (Response r : List.copyOf(unreleased)) {
            if (r.holdsConnection()) {
                loop.callExceptionHandler(ExceptionContext.of("Unclosed response " + r
                        + ": its session was closed while it was still being read", null));
            }
            r.release();
        }
        pool.close();
        leakReport.clean(); // the pool is closed, so this reports nothing: it drops the registration
    }

    /**
     * Returns how many connections the session holds open, for tests.
     *
     * @return busy and idle connections
     */
    public int openConnections() {
        return pool.openCount();
    }

    /**
     * Returns how many connections wait idle in the pool, for tests.
     *
     * @return the count
     */
    public int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public String toString() {
        return "<ClientSession " + (closed ? "closed " : "") + pool + ">";
    }

    /** Runs when a response becomes unreachable: reports it if its body was still coming, and closes the connection. */
    private record ResponseLeak(EventLoop loop, Exchange exchange, URI url, ResponseHead head) implements Runnable {
        @Override
        public void run() {
            if (loop.isClosed()) {
                return;
            }
            try {
                loop.callSoonThreadsafe(() -> {
                    if (!exchange.isComplete() && !exchange.failed() && !exchange.abandoned()) {
                        loop.callExceptionHandler(ExceptionContext.of("Unclosed response " + Response.describe(url, head) + ">"
                                + ": it was dropped without close() while its body was still coming", null));
                        exchange.abandon();
                    }
                });
            } catch (RuntimeException e) {
                // the loop closed meanwhile: its connections closed with it
            }
        }
    }

    /** Runs when an open session becomes unreachable (or at close, doing nothing then). */
    private record LeakReport(EventLoop loop, Pool pool) implements Runnable {
        @Override
        public void run() {
            if (pool.isClosed() || loop.isClosed()) {
                return;
            }
            try {
                loop.callSoonThreadsafe(() -> {
                    if (!pool.isClosed()) {
                        loop.callExceptionHandler(ExceptionContext.of("Unclosed client session " + pool, null));
                        pool.close();
                    }
                });
            } catch (RuntimeException e) {
                // the loop closed meanwhile: its connections closed with it
            }
        }
    }
}
