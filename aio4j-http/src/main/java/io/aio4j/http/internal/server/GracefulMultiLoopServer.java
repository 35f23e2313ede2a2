package io.aio4j.http.internal.server;

import io.aio4j.EventLoop;
import io.aio4j.net.MultiLoopServer;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Thread-safe. A web server on several loops: a {@link MultiLoopServer} whose shutdown first lets
 * each loop's in-flight requests finish (its {@link ConnectionSet}), then stops the loops.
 */
final class GracefulMultiLoopServer implements MultiLoopServer {
    private final MultiLoopServer inner;
    private final Map<EventLoop, ConnectionSet> sets;

    GracefulMultiLoopServer(MultiLoopServer inner, Map<EventLoop, ConnectionSet> sets) {
        this.inner = inner;
        this.sets = sets;
    }

    @Override
    public void shutdown(Duration grace) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (EventLoop loop : inner.loops()) {
            ConnectionSet set = sets.get(loop);
            if (set == null || loop.isClosed()) {
                continue;
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            done.add(f);
            try {
                loop.callSoonThreadsafe(() -> loop.createTask(() -> {
                    try {
                        set.shutdown(grace);
                    } finally {
                        f.complete(null);
                    }
                }));
            } catch (RuntimeException e) {
                f.complete(null); // the loop closed meanwhile
            }
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                    .get(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a loop did not answer in time: the inner shutdown cuts what is left
        }
        inner.shutdown(Duration.ofSeconds(1));
    }

    @Override
    public void shutdown() {
        shutdown(DEFAULT_GRACE);
    }

    @Override
    public void close() {
        shutdown(DEFAULT_GRACE);
        inner.close();
    }

    @Override
    public void awaitClosed() throws InterruptedException {
        inner.awaitClosed();
    }

    @Override
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return inner.awaitClosed(timeout);
    }

    @Override
    public boolean isServing() {
        return inner.isServing();
    }

    @Override
    public int port() {
        return inner.port();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<EventLoop> loops() {
        return inner.loops();
    }

    @Override
    public List<SocketAddress> sockets() {
        return inner.sockets();
    }

    @Override
    public String toString() {
        return "<WebServer on " + inner + ">";
    }
}
