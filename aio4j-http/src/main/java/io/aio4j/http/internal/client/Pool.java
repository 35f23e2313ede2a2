package io.aio4j.http.internal.client;

import io.aio4j.Aio;
import io.aio4j.DeadlineExceededException;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.http.ClientException;
import io.aio4j.http.ConnectionTimeoutException;
import io.aio4j.http.ServerDisconnectedException;
import io.aio4j.http.ServerFingerprintMismatchException;
import io.aio4j.http.TcpConnector;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Net;
import io.aio4j.net.Resolver;
import io.aio4j.net.Resolvers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Loop thread only. A session's connections: the idle ones by origin (the most recently used is
 * taken first: its TCP window is warm and the server is least likely to have timed it out), counts
 * for the limits, and the tasks waiting for room. aiohttp's {@code BaseConnector}.
 *
 * <p>A connection counts against the limits from the moment its connect starts until it closes,
 * busy or idle. When the total limit is reached and a connection to another origin is idle, that
 * one is closed to make room.
 */
final class Pool {
    private final EventLoop loop;
    private final TcpConnector settings;
    private final Resolver resolver;
    /** Idle connections per origin, oldest first. */
    private final Map<Origin, ArrayDeque<HttpConnection>> idle = new HashMap<>();
    /** Open or opening connections per origin. */
    private final Map<Origin, Integer> perOrigin = new HashMap<>();
    /** Every open connection, to close them with the pool. */
    private final Set<HttpConnection> open = new LinkedHashSet<>();
    private int total;
    /** Tasks waiting for room; each wakes at every change and looks again. */
    private final ArrayDeque<Future<Void>> waiters = new ArrayDeque<>();
    /** Completed when the last connection has closed after {@link #close()}. */
    private Future<Void> allClosed;
    private boolean closed;

    Pool(EventLoop loop, TcpConnector settings) {
        this.loop = loop;
        this.settings = settings;
        Duration ttl = settings.dnsCacheTtl();
        this.resolver = ttl == null || ttl.isZero() ? settings.resolver() : Resolvers.caching(settings.resolver(), ttl);
    }

    /**
     * Returns an idle connection to the origin, or a new one, waiting for room under the limits.
     * Suspends the calling task.
     *
     * @param o the origin
     * @param sockConnect the limit on one connect and handshake, or {@code null}
     * @param url the request's URL, for the traces
     * @param traces the session's hooks
     * @return an idle connection
     * @throws ClientException if the connect failed
     */
    HttpConnection acquire(Origin o, Duration sockConnect, URI url, Traces traces) throws ClientException {
        boolean queued = false;
        while (true) {
            if (closed) {
                throw new IllegalStateException("the session is closed");
            }
            HttpConnection c = takeIdle(o);
            if (c != null || hasRoom(o)) {
                if (queued) {
                    traces.connectionQueuedEnd(url);
                }
                if (c != null) {
                    traces.connectionReuse(url);
                    return c;
                }
                traces.connectionCreateStart(url);
                HttpConnection fresh = connect(o, sockConnect);
                traces.connectionCreateEnd(url);
                return fresh;
            }
            if (!(settings.limit() > 0 && total >= settings.limit() && closeIdleElsewhere(o))) {
                if (!queued) {
                    queued = true;
                    traces.connectionQueuedStart(url);
                }
                Future<Void> w = loop.createFuture();
                waiters.addLast(w);
                try {
                    Aio.await(w);
                } finally {
                    waiters.remove(w);
                }
            }
        }
    }

    private HttpConnection takeIdle(Origin o) {
        ArrayDeque<HttpConnection> q = idle.get(o);
        while (q != null && !q.isEmpty()) {
            HttpConnection c = q.pollLast();
            if (q.isEmpty()) {
                idle.remove(o);
            }
            if (c.idleTimer != null) {
                c.idleTimer.cancel();
                c.idleTimer = null;
            }
            if (c.state() == HttpConnection.State.IDLE) {
                return c;
            }
        }
        return null;
    }

    private boolean hasRoom(Origin o) {
        return (settings.limit() == 0 || total < settings.limit())
                && (settings.limitPerHost() == 0 || perOrigin.getOrDefault(o, 0) < settings.limitPerHost());
    }

    /** Closes the oldest idle connection to another origin; tells whether there was one. */
    private boolean closeIdleElsewhere(Origin o) {
        for (Map.Entry<Origin, ArrayDeque<HttpConnection>> e : idle.entrySet()) {
            if (!e.getKey().equals(o) && !e.getValue().isEmpty()) {
                HttpConnection c = e.getValue().pollFirst();
                if (e.getValue().isEmpty()) {
                    idle.remove(e.getKey());
                }
                forget(c); // its slot is free now; connectionLost will find it gone
                c.close();
                return true;
            }
        }
        return false;
    }

    private HttpConnection connect(Origin o, Duration sockConnect) throws ClientException {
        total++;
        perOrigin.merge(o, 1, Integer::sum);
        HttpConnection c = new HttpConnection(loop, this, o);
        ConnectOptions options = ConnectOptions.defaults().withResolver(resolver);
        InetSocketAddress target = settings.connectTo().get(TcpConnector.connectKey(o.host(), o.port()));
        String host = target == null ? o.host() : target.getHostString();
        int port = target == null ? o.port() : target.getPort();
        if (o.https()) { // redirected or not, TLS names and checks the URL's host
            ClientTls tls = settings.tls();
            options = options.withTls(target == null || tls.serverName() != null ? tls : tls.withServerName(o.host()));
        }
        if (sockConnect != null) {
            options = options.withConnectTimeout(sockConnect);
        }
        boolean ok = false;
        ConnectOptions opts = options;
        try {
            if (sockConnect == null) {
                Net.createConnection(() -> c, host, port, opts);
            } else { // sockConnect covers the TLS handshake too, as aiohttp's does
                Aio.withTimeout(sockConnect, () -> Net.createConnection(() -> c, host, port, opts));
            }
            ok = true;
        } catch (DeadlineExceededException e) {
            throw new ConnectionTimeoutException("Connection timeout to host " + o + ": no connection within "
                    + sockConnect, e);
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw ConnectErrors.map(o, io); // a checked exception crossing the timeout scope comes wrapped once
            }
            throw e;
        } catch (IOException e) {
            throw ConnectErrors.map(o, e);
        } finally {
            if (!ok) {
                release(o);
            }
        }
        if (closed) {
            c.close();
            throw new IllegalStateException("the session was closed while connecting to " + o);
        }
        byte[] pinned = settings.fingerprint();
        if (pinned != null && o.https()) {
            byte[] got = c.certificateDigest();
            if (!Arrays.equals(pinned, got)) {
                c.abort();
                release(o);
                throw new ServerFingerprintMismatchException(pinned, got == null ? new byte[0] : got, o.host(), o.port());
            }
        }
        if (c.state() == HttpConnection.State.CLOSED) { // lost at once, before we held it
            release(o);
            throw new ServerDisconnectedException("Server " + o + " closed the connection as soon as it was made", null);
        }
        open.add(c);
        return c;
    }

    /**
     * Takes back a connection whose response is complete and which may carry another request.
     *
     * @param c the connection, idle
     */
    void release(HttpConnection c) {
        if (closed || settings.forceClose() || settings.keepaliveTimeout().isZero()) {
            c.close();
            return;
        }
        idle.computeIfAbsent(c.origin, k -> new ArrayDeque<>()).addLast(c);
        c.idleTimer = loop.callLater(settings.keepaliveTimeout(), c::close);
        wakeWaiters();
    }

    /**
     * A connection closed (its {@code connectionLost}).
     *
     * @param c the connection
     */
    void closed(HttpConnection c) {
        if (c.idleTimer != null) {
            c.idleTimer.cancel();
            c.idleTimer = null;
        }
        ArrayDeque<HttpConnection> q = idle.get(c.origin);
        if (q != null && q.remove(c) && q.isEmpty()) {
            idle.remove(c.origin);
        }
        forget(c);
    }

    private void forget(HttpConnection c) {
        if (open.remove(c)) {
            release(c.origin);
        }
        if (closed && open.isEmpty() && allClosed != null && !allClosed.done()) {
            allClosed.setResult(null);
        }
    }

    private void release(Origin o) {
        total--;
        perOrigin.computeIfPresent(o, (k, n) -> n == 1 ? null : n - 1);
        wakeWaiters();
    }

    private void wakeWaiters() {
        for (Future<Void> w : waiters) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    /**
     * Closes every connection; in a task, waits (up to a bound) until they have closed, so that
     * nothing of the session is open when it returns.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        idle.clear();
        wakeWaiters();
        if (open.isEmpty()) {
            return;
        }
        allClosed = loop.createFuture();
        List<HttpConnection> all = new ArrayList<>(open);
        for (HttpConnection c : all) {
            if (c.idleTimer != null) {
                c.idleTimer.cancel();
                c.idleTimer = null;
            }
            c.close();
        }
        if (Aio.currentTask() != null && !allClosed.done()) {
            Aio.withTimeoutOrNull(Duration.ofSeconds(5), () -> Aio.await(allClosed));
            for (HttpConnection c : new ArrayList<>(open)) {
                c.abort(); // a peer that never let go: the session must not stay open because of it
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Returns how many connections are open, for tests and {@code toString}.
     *
     * @return busy and idle connections
     */
    int openCount() {
        return open.size();
    }

    /**
     * Returns how many connections are idle in the pool.
     *
     * @return the count
     */
    int idleCount() {
        int n = 0;
        for (ArrayDeque<HttpConnection> q : idle.values()) {
            n += q.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "<Pool open=" + open.size() + " idle=" + idleCount() + " waiting=" + waiters.size()
                + (closed ? " closed" : "") + ">";
    }
}
