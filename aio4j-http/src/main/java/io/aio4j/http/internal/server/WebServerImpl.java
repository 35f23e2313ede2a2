package io.aio4j.http.internal.server;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.WebServer;
import io.aio4j.http.web.WebServerOptions;
import io.aio4j.net.MultiLoopServer;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loop thread only. A {@link WebServer} on one loop: a socket server whose connections are {@link ServerConnection}s. */
public final class WebServerImpl implements WebServer {
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final Server server;
    private final ConnectionSet connections;
    private final String host;

    private WebServerImpl(Server server, ConnectionSet connections, String host) {
        this.server = server;
        this.connections = connections;
        this.host = host;
    }

    /**
     * Starts serving on the running loop.
     *
     * @param app the application
     * @param host the address
     * @param port the port
     * @param options the options
     * @return the server
     * @throws IOException if the address cannot be bound
     */
    public static WebServer start(Application app, String host, int port, WebServerOptions options) throws IOException {
        EventLoop loop = Aio.getRunningLoop();
        ConnectionSet connections = new ConnectionSet(loop);
        Server s = Net.createServer(() -> new ServerConnection(loop, app, options, connections), host, port,
                serverOptions(options));
        return new WebServerImpl(s, connections, host);
    }

    /**
     * Starts serving on loops of their own.
     *
     * @param loops how many
     * @param app the application
     * @param host the address
     * @param port the port
     * @param options the options
     * @return the server
     * @throws IOException if the address cannot be bound
     */
    public static MultiLoopServer startOnLoops(int loops, Application app, String host, int port,
            WebServerOptions options) throws IOException {
        Map<EventLoop, ConnectionSet> sets = new ConcurrentHashMap<>();
        MultiLoopServer inner = MultiLoopServer.create(loops, () -> {
            EventLoop loop = Aio.getRunningLoop(); // the factory runs on the loop that accepted
            return new ServerConnection(loop, app, options, sets.computeIfAbsent(loop, ConnectionSet::new));
        }, host, port, serverOptions(options));
        return new GracefulMultiLoopServer(inner, sets);
    }

    private static ServerOptions serverOptions(WebServerOptions options) {
        ServerOptions so = ServerOptions.defaults();
        return options.tls() == null ? so : so.withTls(options.tls());
    }

    @Override
    public int port() {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    @Override
    public List<SocketAddress> sockets() {
        return server.sockets();
    }

    @Override
    public String url(String path) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + path;
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void serveForever() {
        server.serveForever();
    }

    @Override
    public void shutdown(Duration grace) {
        server.close(); // no new connections
        connections.shutdown(grace);
        server.waitClosed();
    }

    @Override
    public void close() {
        shutdown(CLOSE_GRACE);
    }

    @Override
    public String toString() {
        return "<WebServer " + server.sockets() + " connections=" + connections.size() + ">";
    }
}
