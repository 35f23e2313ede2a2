package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.DeadlineExceededException;
import io.aio4j.Future;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.ConnectTimeoutException;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.NetworkUnreachableException;
import io.aio4j.net.Resolver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening client sockets on the loop: resolution, one non-blocking connect per address, the
 * mapping of the OS's errors to typed ones, the connect timeout. Called in a task.
 */
public final class Connector {
    private Connector() {}

    /** A connected channel and the key it was connected with (to be taken over by the transport). */
    public record Connected(SocketChannel channel, SelectionKey key) {}

    /**
     * Resolves {@code host} and connects to one of its addresses, within the options' connect
     * timeout. Suspends the calling task.
     *
     * @param loop the running loop
     * @param host a name or an address literal
     * @param port the port
     * @param options the options
     * @return the connected channel
     * @throws IOException a typed connect error, or {@link UnknownHostException}
     */
    public static Connected connectTcp(SelectorLoop loop, String host, int port, ConnectOptions options) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return withConnectTimeout(options, host + ":" + port, () -> {
            List<InetAddress> addresses = resolve(loop, host, options.resolver());
            List<SocketAddress> targets = new ArrayList<>(addresses.size());
            for (InetAddress a : addresses) {
                targets.add(new InetSocketAddress(a, port));
            }
            return HappyEyeballs.connect(loop, targets, options);
        });
    }

    /**
     * Connects to a Unix domain socket. Suspends the calling task.
     *
     * @param loop the running loop
     * @param address the socket's path
     * @param options the options (the connect timeout applies)
     * @return the connected channel
     * @throws IOException a typed connect error
     */
    public static Connected connectUnix(SelectorLoop loop, UnixDomainSocketAddress address, ConnectOptions options)
            throws IOException {
        return withConnectTimeout(options, address.toString(), () -> connectOne(loop, address, null));
    }

    private interface IoBody<T> {
        T run() throws IOException;
    }

    private static <T> T withConnectTimeout(ConnectOptions options, String what, IoBody<T> body) throws IOException {
        if (options.connectTimeout() == null) {
            return body.run();
        }
        try {
            return Aio.withTimeout(options.connectTimeout(), () -> body.run());
        } catch (DeadlineExceededException e) {
            ConnectTimeoutException t = new ConnectTimeoutException("connecting to " + what + " took longer than "
                    + options.connectTimeout());
            t.initCause(e);
            throw t;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /**
     * Resolves a host: an address literal at once, a name through the resolver.
     *
     * @param loop the running loop
     * @param host the host
     * @param resolver the resolver, or {@code null} for the loop's default
     * @return the addresses, never empty
     * @throws UnknownHostException if it does not resolve
     */
    public static List<InetAddress> resolve(SelectorLoop loop, String host, Resolver resolver) throws UnknownHostException {
        InetAddress literal = literal(host);
        if (literal != null) {
            return List.of(literal);
        }
        List<InetAddress> found = (resolver != null ? resolver : DefaultResolver.of(loop)).resolve(host);
        if (found == null || found.isEmpty()) {
            throw new UnknownHostException(host + ": the resolver returned no address");
        }
        return found;
    }

    /**
     * Parses an IPv4 or IPv6 literal (with or without brackets).
     *
     * @param host the text
     * @return the address, or {@code null} if it is not a literal
     */
    public static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.ofLiteral(h);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Makes one connection attempt. Suspends the calling task; a cancelled attempt closes its socket.
     *
     * @param loop the running loop
     * @param target the address
     * @param local the local address to bind to, or {@code null}
     * @return the connected channel
     * @throws IOException a typed connect error
     */
    public static Connected connectOne(SelectorLoop loop, SocketAddress target, InetSocketAddress local) throws IOException {
        boolean unix = target instanceof UnixDomainSocketAddress;
        SocketChannel ch = unix ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open(((InetSocketAddress) target).getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        SelectionKey key = null;
        boolean ok = false;
        try {
            ch.configureBlocking(false);
            if (!unix) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (local != null) {
                    ch.bind(local);
                }
            }
            if (!ch.connect(target)) {
                Future<Void> writable = loop.createFuture();
                key = loop.register(ch, SelectionKey.OP_CONNECT, k -> {
                    k.interestOps(0);
                    writable.trySetResult(null);
                });
                Aio.await(writable);
                ch.finishConnect();
            }
            ok = true;
            return new Connected(ch, key);
        } catch (IOException e) {
            throw typed(e, target);
        } finally {
            if (!ok) {
                if (key != null) {
                    key.cancel();
                }
                ch.close();
            }
        }
    }

    /**
     * Maps the JDK's connect errors to typed ones that say whose fault it was.
     *
     * @param e what the JDK threw
     * @param target where to
     * @return the typed exception
     */
    static IOException typed(IOException e, SocketAddress target) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof NoRouteToHostException || m.contains("unreachable")) {
            return new NetworkUnreachableException("no route to " + target + ": " + m, e);
        }
        if (target instanceof UnixDomainSocketAddress && m.contains("Resource temporarily unavailable")) {
            // A Unix socket whose accept queue is full answers a non-blocking connect with EAGAIN
            // at once (Linux), where TCP would drop the SYN: the server refuses for now.
            return new ConnectionRefusedException("connection to " + target + " refused: its accept queue is full", e);
        }
        if (e instanceof ConnectException) {
            if (m.contains("timed out")) {
                ConnectTimeoutException t = new ConnectTimeoutException("connecting to " + target + " timed out (OS)");
                t.initCause(e);
                return t;
            }
            if (m.contains("refused")) {
                return new ConnectionRefusedException("connection to " + target + " refused: nothing listens there", e);
            }
        }
        return e;
    }
}
