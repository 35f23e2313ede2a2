package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.ServerTls;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/** What {@link io.aio4j.net.Net} does: connect, listen, wire streams and TLS. Called in a task. */
public final class NetOps {
    private NetOps() {}

    private static SelectorLoop runningLoop(String operation) {
        if (Aio.currentTask() == null) {
            throw new IllegalStateException(operation + " suspends the calling task, but " + Thread.currentThread()
                    + " is not a task of a running event loop; call it inside Aio.run(...) or createTask(...)");
        }
        EventLoop loop = Aio.getRunningLoop();
        if (!(loop instanceof SelectorLoop s)) {
            throw new IllegalStateException("the running loop " + loop + " has no selector");
        }
        return s;
    }

    // ============================================================ clients

    public static Connection openConnection(String host, int port, ConnectOptions options) throws IOException {
        SelectorLoop loop = runningLoop("Net.openConnection()");
        StreamProtocol p = new StreamProtocol(loop, options.limit(), null, options.tls() == null);
        connect(loop, Connector.connectTcp(loop, host, port, options), p, options.tls(), host);
        return new Connection(p.reader(), p.writer());
    }

    public static Connection openUnixConnection(Path path, ConnectOptions options) throws IOException {
        SelectorLoop loop = runningLoop("Net.openUnixConnection()");
        StreamProtocol p = new StreamProtocol(loop, options.limit(), null, options.tls() == null);
        connect(loop, Connector.connectUnix(loop, UnixDomainSocketAddress.of(path), options), p, options.tls(), "localhost");
        return new Connection(p.reader(), p.writer());
    }

    public static Transport createConnection(Supplier<? extends BaseProtocol> factory, String host, int port,
            ConnectOptions options) throws IOException {
        SelectorLoop loop = runningLoop("Net.createConnection()");
        return connect(loop, Connector.connectTcp(loop, host, port, options), factory.get(), options.tls(), host);
    }

    public static Transport createUnixConnection(Supplier<? extends BaseProtocol> factory, Path path,
            ConnectOptions options) throws IOException {
        SelectorLoop loop = runningLoop("Net.createUnixConnection()");
        return connect(loop, Connector.connectUnix(loop, UnixDomainSocketAddress.of(path), options), factory.get(),
                options.tls(), "localhost");
    }

    private static Transport connect(SelectorLoop loop, Connector.Connected c, BaseProtocol app, ClientTls tls,
            String host) throws IOException {
        boolean ok = false;
        try {
            Transport t;
            if (tls == null) {
                SocketTransport s = new SocketTransport(loop, c.channel(), app);
                s.start(c.key());
                t = s;
            } else {
                t = TlsLayer.connectClient(loop, c, app, tls, host);
            }
            ok = true;
            return t;
        } finally {
            if (!ok && c.channel().isOpen()) {
                if (c.key() != null) {
                    c.key().cancel();
                }
                c.channel().close();
            }
        }
    }

    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        return Connector.resolve(runningLoop("Net.resolve()"), host, null);
    }

    // ============================================================ servers

    public static Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options)
            throws IOException {
        SelectorLoop loop = runningLoop("Net.startServer()");
        return listenTcp(loop, streams(loop, handler, options), host, port, options);
    }

    public static Server startUnixServer(ConnectionHandler handler, Path path, ServerOptions options) throws IOException {
        SelectorLoop loop = runningLoop("Net.startUnixServer()");
        return listenUnix(loop, streams(loop, handler, options), path, options);
    }

    public static Server createServer(Supplier<? extends BaseProtocol> factory, String host, int port,
            ServerOptions options) throws IOException {
        SelectorLoop loop = runningLoop("Net.createServer()");
        return listenTcp(loop, factory, host, port, options);
    }

    public static Server createUnixServer(Supplier<? extends BaseProtocol> factory, Path path, ServerOptions options)
            throws IOException {
        SelectorLoop loop = runningLoop("Net.createUnixServer()");
        return listenUnix(loop, factory, path, options);
    }

    private static Supplier<BaseProtocol> streams(SelectorLoop loop, ConnectionHandler handler, ServerOptions options) {
        boolean plain = options.tls() == null;
        return () -> new StreamProtocol(loop, options.limit(), handler, plain);
    }

    private static Supplier<? extends BaseProtocol> withTls(SelectorLoop loop, Supplier<? extends BaseProtocol> app,
            ServerTls tls) {
        return tls == null ? app : () -> TlsLayer.serverProtocol(loop, app.get(), tls);
    }

    private static Server listenTcp(SelectorLoop loop, Supplier<? extends BaseProtocol> factory, String host, int port,
            ServerOptions options) throws IOException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (host == null || host.isEmpty()) {
            addresses.add(new InetSocketAddress(port));
        } else {
            for (InetAddress a : new LinkedHashSet<>(Connector.resolve(loop, host, null))) {
                addresses.add(new InetSocketAddress(a, port));
            }
        }
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            for (InetSocketAddress a : addresses) {
                ServerSocketChannel ch = a.getAddress().isAnyLocalAddress() ? ServerSocketChannel.open()
                        : ServerSocketChannel.open(a.getAddress() instanceof java.net.Inet6Address
                                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                channels.add(ch);
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                if (options.reusePort()) {
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                ch.configureBlocking(false);
                try {
                    ch.bind(a, options.backlog());
                } catch (IOException e) {
                    throw new IOException("error while attempting to bind on address " + a + ": " + e.getMessage(), e);
                }
            }
            return serve(loop, channels, withTls(loop, factory, options.tls()), options, true);
        } catch (IOException | RuntimeException e) {
            closeAll(channels);
            throw e;
        }
    }

    private static Server listenUnix(SelectorLoop loop, Supplier<? extends BaseProtocol> factory, Path path,
            ServerOptions options) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.configureBlocking(false);
            ch.bind(UnixDomainSocketAddress.of(path), options.backlog());
            SocketServer s = (SocketServer) serve(loop, List.of(ch), withTls(loop, factory, options.tls()), options, false);
            s.afterClose(() -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // the file stays; binding there again will say so
                }
            });
            return s;
        } catch (IOException | RuntimeException e) {
            closeAll(List.of(ch));
            throw e;
        }
    }

    private static Server serve(SelectorLoop loop, List<ServerSocketChannel> channels,
            Supplier<? extends BaseProtocol> factory, ServerOptions options, boolean tcp) throws IOException {
        SocketServer s = new SocketServer(loop, channels, factory, options.backlog(), tcp);
        if (options.startServing()) {
            s.startServing();
        }
        return s;
    }

    private static void closeAll(List<ServerSocketChannel> channels) {
        for (ServerSocketChannel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // failing already
            }
        }
    }
}
