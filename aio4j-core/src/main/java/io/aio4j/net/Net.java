package io.aio4j.net;

import io.aio4j.internal.net.DatagramOps;
import io.aio4j.internal.net.NetOps;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The network entry points: asyncio's {@code open_connection}, {@code start_server},
 * {@code loop.create_connection}, {@code loop.create_server}, their Unix-socket forms, and
 * {@code loop.create_datagram_endpoint}. Each runs
 * on the loop of the calling task and suspends only that task.
 * {@snippet :
 * Aio.run(() -> {
 *     try (Connection c = Net.openConnection("127.0.0.1", 8888)) {
 *         c.writer().write("hello\n".getBytes(StandardCharsets.UTF_8));
 *         c.writer().drain();
 *         System.out.println(new String(c.reader().readLine(), StandardCharsets.UTF_8));
 *     }
 * });
 * }
 *
 * <h2>Errors say whose fault</h2>
 * {@link ConnectionRefusedException}, {@link NetworkUnreachableException} and
 * {@link ConnectTimeoutException} for connects; {@link UnknownHostException} for names that do not
 * resolve; {@link BrokenResourceException} when the peer or the OS breaks an open connection;
 * {@link ClosedResourceException} when the program uses what it closed;
 * {@link BusyResourceException} when two tasks read one stream at once.
 */
public final class Net {
    private Net() {}

    /**
     * Opens a TCP (or, with {@link ConnectOptions#tls()}, TLS) stream connection with the default
     * options. Suspends the calling task.
     *
     * @param host a host name or an address literal
     * @param port the port
     * @return the reader and writer
     * @throws IOException a typed connect error, {@link UnknownHostException}, or a TLS error
     */
    public static Connection openConnection(String host, int port) throws IOException {
        return openConnection(host, port, ConnectOptions.defaults());
    }

    /**
     * Opens a stream connection. Suspends the calling task.
     *
     * @param host a host name or an address literal
     * @param port the port
     * @param options TLS, resolver, timeouts, reader limit
     * @return the reader and writer
     * @throws IOException a typed connect error, {@link UnknownHostException}, or a TLS error
     */
    public static Connection openConnection(String host, int port, ConnectOptions options) throws IOException {
        return NetOps.openConnection(host, port, options);
    }

    /**
     * Opens a stream connection to a Unix domain socket. Suspends the calling task.
     *
     * @param path the socket's path
     * @param options TLS (with a server name), timeouts, reader limit
     * @return the reader and writer
     * @throws IOException a typed connect error
     */
    public static Connection openUnixConnection(Path path, ConnectOptions options) throws IOException {
        return NetOps.openUnixConnection(path, options);
    }

    /**
     * Starts a TCP stream server with the default options: each client runs {@code handler} as a
     * task of its own.
     *
     * @param handler serves one client
     * @param host the address to listen on (a literal or a name; {@code null}: every interface)
     * @param port the port; {@code 0} lets the OS pick (see {@link Server#sockets()})
     * @return the server, accepting
     * @throws IOException if the address cannot be bound
     */
    public static Server startServer(ConnectionHandler handler, String host, int port) throws IOException {
        return startServer(handler, host, port, ServerOptions.defaults());
    }

    /**
     * Starts a TCP stream server.
     *
     * @param handler serves one client
     * @param host the address to listen on (a literal or a name; {@code null}: every interface)
     * @param port the port; {@code 0} lets the OS pick
     * @param options TLS, backlog, {@code SO_REUSEPORT}, reader limit
     * @return the server
     * @throws IOException if the address cannot be bound
     */
    public static Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options)
            throws IOException {
        return NetOps.startServer(handler, host, port, options);
    }

    /**
     * Starts a stream server on a Unix domain socket. The socket's file is removed when the server
     * closes.
     *
     * @param handler serves one client
     * @param path where the socket's file goes; it must not exist
     * @param options TLS, backlog, reader limit
     * @return the server
     * @throws IOException if the path cannot be bound
     */
    public static Server startUnixServer(ConnectionHandler handler, Path path, ServerOptions options) throws IOException {
        return NetOps.startUnixServer(handler, path, options);
    }

    /**
     * Connects a protocol over TCP (or TLS): asyncio's {@code loop.create_connection}. The protocol
     * has seen {@code connectionMade} when this returns. Suspends the calling task.
     *
     * @param factory makes the protocol: a {@link Protocol} or a {@link BufferedProtocol}
     * @param host a host name or an address literal
     * @param port the port
     * @param options TLS, resolver, timeouts
     * @return the transport; {@link Transport#protocol()} is the protocol
     * @throws IOException a typed connect error, {@link UnknownHostException}, or a TLS error
     */
    public static Transport createConnection(Supplier<? extends BaseProtocol> factory, String host, int port,
            ConnectOptions options) throws IOException {
        return NetOps.createConnection(factory, host, port, options);
    }

    /**
     * Connects a protocol to a Unix domain socket. Suspends the calling task.
     *
     * @param factory makes the protocol
     * @param path the socket's path
     * @param options TLS, timeouts
     * @return the transport
     * @throws IOException a typed connect error
     */
    public static Transport createUnixConnection(Supplier<? extends BaseProtocol> factory, Path path,
            ConnectOptions options) throws IOException {
        return NetOps.createUnixConnection(factory, path, options);
    }

    /**
     * Starts a TCP (or TLS) server whose connections each get a protocol from {@code factory}:
     * asyncio's {@code loop.create_server}.
     *
     * @param factory makes one protocol per connection
     * @param host the address to listen on ({@code null}: every interface)
     * @param port the port; {@code 0} lets the OS pick
     * @param options TLS, backlog, {@code SO_REUSEPORT}
     * @return the server
     * @throws IOException if the address cannot be bound
     */
    public static Server createServer(Supplier<? extends BaseProtocol> factory, String host, int port,
            ServerOptions options) throws IOException {
        return NetOps.createServer(factory, host, port, options);
    }

    /**
     * Starts a server on a Unix domain socket whose connections each get a protocol.
     *
     * @param factory makes one protocol per connection
     * @param path where the socket's file goes; it must not exist
     * @param options TLS, backlog
     * @return the server
     * @throws IOException if the path cannot be bound
     */
    public static Server createUnixServer(Supplier<? extends BaseProtocol> factory, Path path, ServerOptions options)
            throws IOException {
        return NetOps.createUnixServer(factory, path, options);
    }

    /**
     * Opens a UDP endpoint with the default options: asyncio's
     * {@code loop.create_datagram_endpoint}. See
     * {@link #createDatagramEndpoint(Supplier, InetSocketAddress, InetSocketAddress, DatagramOptions)}.
     *
     * @param factory makes the protocol
     * @param local where to bind; {@code null}: an ephemeral port on every interface
     * @param remote where to connect; {@code null}: unconnected
     * @return the transport; {@link DatagramTransport#protocol()} is the protocol
     * @throws IOException if the socket cannot be bound or connected, or a name does not resolve
     */
    public static DatagramTransport createDatagramEndpoint(Supplier<? extends DatagramProtocol> factory,
            InetSocketAddress local, InetSocketAddress remote) throws IOException {
        return createDatagramEndpoint(factory, local, remote, DatagramOptions.defaults());
    }

    /**
     * Opens a UDP endpoint: asyncio's {@code loop.create_datagram_endpoint}. The protocol has seen
     * {@code connectionMade} when this returns. Suspends the calling task while a name resolves
     * ({@link InetSocketAddress#createUnresolved}); with address literals it does not suspend.
     * {@snippet :
     * DatagramTransport server = Net.createDatagramEndpoint(EchoProtocol::new,
     *         new InetSocketAddress("127.0.0.1", 9999), null);
     * DatagramTransport client = Net.createDatagramEndpoint(ClientProtocol::new,
     *         null, new InetSocketAddress("127.0.0.1", 9999));
     * client.send("ping".getBytes(StandardCharsets.UTF_8));
     * }
     *
     * <p>With {@code remote}, the socket is <em>connected</em>: it receives only from there,
     * {@link DatagramTransport#send} goes there, and an ICMP "port unreachable" reaches
     * {@link DatagramProtocol#errorReceived} as a {@link ConnectionRefusedException}. Without it,
     * the endpoint sends anywhere with {@link DatagramTransport#sendTo}. The transport is closed
     * when the loop closes.
     *
     * <p><b>Cancellation</b> while a name resolves leaves nothing behind: no socket is open yet.
     *
     * @param factory makes the protocol
     * @param local where to bind (an address with port {@code 0} lets the OS pick the port);
     *     {@code null}: an ephemeral port on every interface of the remote's family
     * @param remote where to connect; {@code null}: unconnected, so {@code local} is required
     * @param options {@code SO_REUSEPORT}, {@code SO_BROADCAST}
     * @return the transport; {@link DatagramTransport#protocol()} is the protocol
     * @throws IOException if the socket cannot be bound or connected, or a name does not resolve
     *     ({@link UnknownHostException})
     * @throws IllegalArgumentException if both addresses are {@code null}, or their families differ
     */
    public static DatagramTransport createDatagramEndpoint(Supplier<? extends DatagramProtocol> factory,
            InetSocketAddress local, InetSocketAddress remote, DatagramOptions options) throws IOException {
        return DatagramOps.createDatagramEndpoint(factory, local, remote, options);
    }

    /**
     * Resolves a host name with the running loop's default resolver (cached). Suspends the calling
     * task; never blocks the loop.
     *
     * @param host a name or an address literal
     * @return its addresses
     * @throws UnknownHostException if it does not resolve
     */
    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        return NetOps.resolve(host);
    }
}
