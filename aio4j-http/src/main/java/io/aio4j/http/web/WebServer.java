package io.aio4j.http.web;

import io.aio4j.http.internal.server.WebServerImpl;
import io.aio4j.net.MultiLoopServer;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * An {@link Application} served over HTTP/1.1 on the running loop: aiohttp.web's
 * {@code AppRunner} and {@code TCPSite}. Keep-alive, pipelining (answered in order), limits on
 * heads and timeouts for slow clients, and 400 with a closed connection for any malformed or
 * ambiguous request.
 * <pre>{@code
 * Aio.run(() -> {
 *     try (WebServer server = WebServer.start(app, "127.0.0.1", 8080)) {
 *         server.serveForever();
 *     }
 * });
 * }</pre>
 * To use every core, {@link #startOnLoops} runs one application on N loops.
 *
 * <p>Loop thread only: call its methods from tasks of the loop it was started on.
 */
public interface WebServer extends AutoCloseable {
    /**
     * Starts serving an application on the running loop, with the default options. Suspends the
     * calling task while the socket is bound.
     *
     * @param app the application
     * @param host the address to bind, e.g. {@code "127.0.0.1"}
     * @param port the port; {@code 0} picks a free one
     * @return the server, accepting connections
     * @throws IOException if the address cannot be bound
     */
    static WebServer start(Application app, String host, int port) throws IOException {
        return start(app, host, port, WebServerOptions.defaults());
    }

    /**
     * Starts serving an application on the running loop. Suspends the calling task while the
     * socket is bound.
     *
     * @param app the application
     * @param host the address to bind
     * @param port the port; {@code 0} picks a free one
     * @param options limits, timeouts, TLS
     * @return the server, accepting connections
     * @throws IOException if the address cannot be bound
     */
    static WebServer start(Application app, String host, int port, WebServerOptions options) throws IOException {
        return WebServerImpl.start(app, host, port, options);
    }

    /**
     * Serves an application on {@code loops} loops of their own, one platform thread each, all on
     * one port ({@code SO_REUSEPORT}): the kernel spreads connections over them. Handlers of
     * different connections then run on different threads at once; see {@link MultiLoopServer}.
     * Its {@code shutdown(grace)} lets in-flight requests finish up to the grace period. Call it
     * from any thread.
     *
     * @param loops how many loops, e.g. {@link MultiLoopServer#defaultLoopCount()}
     * @param app the application (immutable, so it is safe on every loop)
     * @param host the address to bind
     * @param port the port; {@code 0} picks a free one (the same for every loop)
     * @param options limits, timeouts, TLS
     * @return the server, serving
     * @throws IOException if the address cannot be bound
     */
    static MultiLoopServer startOnLoops(int loops, Application app, String host, int port, WebServerOptions options)
            throws IOException {
        return WebServerImpl.startOnLoops(loops, app, host, port, options);
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the port
     */
    int port();

    /**
     * Returns the addresses the server listens on.
     *
     * @return the addresses
     */
    List<SocketAddress> sockets();

    /**
     * Returns the URL of a path on this server, for tests and logs.
     *
     * @param path the path, starting with {@code /}
     * @return e.g. {@code http://127.0.0.1:8080/path}
     */
    String url(String path);

    /**
     * Returns how many connections are open.
     *
     * @return the count
     */
    int connectionCount();

    /**
     * Suspends the calling task until the server is closed (by {@link #shutdown} or
     * {@link #close()} from another task, or the task is cancelled).
     */
    void serveForever();

    /**
     * Shuts down gracefully: stops accepting, closes idle connections, lets each in-flight request
     * finish and then closes its connection; at the deadline, cancels the handlers still running
     * and cuts their connections. Suspends the calling task until every connection is closed.
     *
     * @param grace how long in-flight requests may take
     */
    void shutdown(Duration grace);

    /**
     * Shuts down with a grace period of 10 seconds; see {@link #shutdown(Duration)}. Suspends the
     * calling task.
     */
    @Override
    void close();
}
