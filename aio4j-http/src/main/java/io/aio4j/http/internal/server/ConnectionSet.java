package io.aio4j.http.internal.server;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loop thread only. The open connections of a web server on one loop, for its graceful shutdown:
 * idle connections close at once, busy ones after their current response, and whatever is still
 * open at the deadline is cut.
 */
public final class ConnectionSet {
    private final EventLoop loop;
    private final Set<ServerConnection> open = new LinkedHashSet<>();
    private boolean shuttingDown;
    private Future<Void> empty;

    /**
     * Creates the set for a loop.
     *
     * @param loop the loop its connections live on
     */
    public ConnectionSet(EventLoop loop) {
        this.loop = loop;
    }

    void add(ServerConnection c) {
        open.add(c);
        if (shuttingDown) {
            c.closeWhenIdle();
        }
    }

    void remove(ServerConnection c) {
        open.remove(c);
        if (open.isEmpty() && empty != null && !empty.done()) {
            empty.setResult(null);
        }
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * Returns how many connections are open.
     *
     * @return the count
     */
    public int size() {
        return open.size();
    }

    /**
     * Shuts the connections down: each closes when its current response is sent (idle ones at
     * once); at the deadline the handlers still running are cancelled and their connections cut.
     * Suspends the calling task until every connection has closed.
     *
     * @param grace how long in-flight requests may take
     */
    public void shutdown(Duration grace) {
        shuttingDown = true;
        for (ServerConnection c : List.copyOf(open)) {
            c.closeWhenIdle();
        }
        if (open.isEmpty()) {
            return;
        }
        empty = loop.createFuture();
        Future<Void> e = empty;
        Aio.withTimeoutOrNull(grace, () -> Aio.await(e)); // on expiry this cancels e: a new one below
        if (!open.isEmpty()) {
            for (ServerConnection c : List.copyOf(open)) {
                c.cut();
            }
            if (!open.isEmpty()) {
                empty = loop.createFuture();
                Aio.await(empty);
            }
        }
    }
}
