package io.aio4j.testing.http;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.ServerTls;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loop thread only, except {@link #connectionCount()}, which is thread-safe. What both test servers
 * share: a stream server on 127.0.0.1, a port the OS picks, on the loop of the task that starts it;
 * connections numbered in accept order; their handler tasks tracked, so that {@link #close()} can
 * end them; and the failures of the server's own side kept for {@code close()} to report.
 *
 * <p>A connection's handler ends quietly when the client closes or breaks the connection (an
 * {@link IOException}): clients under test do that on purpose. A malformed request (a
 * {@link ProtocolException} from {@link RequestReader}) or a misused step (a runtime exception) is a
 * failure: it does not reach the loop's exception handler, {@code close()} throws it.
 */
final class LoopbackServer {
    /** Serves one accepted connection. */
    @FunctionalInterface
    interface ConnectionBody {
        void serve(int index, StreamReader reader, StreamWriter writer) throws IOException;
    }

    private final String name;
    private final Server server;
    private final int port;
    private final String scheme;
    private final ConnectionBody body;
    private final AtomicInteger connections = new AtomicInteger();
    /** The handler tasks still running. Guarded by the loop thread. */
    private final Set<Task<?>> handlers = new LinkedHashSet<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    /** Whether {@link #close()} began. Guarded by the loop thread. */
    private boolean closed;

    /**
     * Starts listening. Suspends the calling task while the socket is bound.
     *
     * @throws IllegalStateException if the caller is not a task of a running loop
     */
    LoopbackServer(String name, ServerTls tls, ConnectionBody body) throws IOException {
        this.name = name;
        this.body = body;
        this.scheme = tls == null ? "http" : "https";
        ServerOptions options = tls == null ? ServerOptions.defaults() : ServerOptions.defaults().withTls(tls);
        this.server = Net.startServer(this::handle, "127.0.0.1", 0, options);
        this.port = ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    private void handle(StreamReader reader, StreamWriter writer) {
        if (closed) {
            return; // accepted just before close(): nothing to serve
        }
        Task<?> self = Aio.currentTask();
        handlers.add(self);
        int index = connections.getAndIncrement();
        try {
            body.serve(index, reader, writer);
        } catch (ProtocolException e) {
            failures.add(e);
        } catch (IOException e) {
            // the client closed or broke the connection: what many tests make it do
        } catch (RuntimeException e) {
            failures.add(e);
        } finally {
            handlers.remove(self);
        }
    }

    int port() {
        return port;
    }

    String url(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/': " + path);
        }
        return scheme + "://127.0.0.1:" + port + path;
    }

    int connectionCount() {
        return connections.get();
    }

    /** The listening socket (while open) and the accepted connections still open: 0 once closed. */
    int openSockets() {
        return (server.sockets().isEmpty() ? 0 : 1) + server.connectionCount();
    }

    /**
     * Stops listening, cancels the handlers, resets the connections still open and waits until they
     * are gone; then throws the first failure, if any. Idempotent (the failures are thrown once).
     * Suspends the calling task.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        cancelHandlers();
        server.abortClients();
        server.waitClosed();
        cancelHandlers(); // one started between the first cancel and the last connection's end
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(name + " could not serve as scripted: a malformed request"
                    + " or a step that could not run (" + failures.size() + " failure(s); the first is the cause)",
                    failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private void cancelHandlers() {
        while (!handlers.isEmpty()) {
            List<Task<?>> running = List.copyOf(handlers);
            running.forEach(Task::cancel);
            Aio.gatherReturnExceptions(running); // each ends cancelled, or as it was ending anyway
            handlers.removeAll(running);
        }
    }

    /** Reads and drops what comes until the client closes the connection, or the server does. */
    static void discardUntilEof(StreamReader reader) throws IOException {
        while (reader.read(StreamReader.DEFAULT_LIMIT).length > 0) {
            // dropped
        }
    }

    @Override
    public String toString() {
        return name + "[" + scheme + "://127.0.0.1:" + port + ", " + connections.get() + " connection(s)"
                + (closed ? ", closed" : "") + "]";
    }
}
