package io.aio4j.internal.net;

import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ServerTls;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS as a layer between a socket transport and the application's protocol (asyncio's
 * {@code SSLProtocol}): the socket transport talks to a {@link TlsProtocol}, which gives the
 * application protocol a {@link TlsTransport} of its own once the handshake is done. Here the
 * engines are made and configured (SNI, host name verification, ALPN) and the layer is put under a
 * new connection, an accepted one, or an open one (STARTTLS). Called on the loop thread.
 */
public final class TlsLayer {
    private TlsLayer() {}

    /**
     * Starts a client TLS session over a connected channel, and waits for the handshake. Suspends
     * the calling task. On failure the socket is closed before this throws.
     *
     * @param loop the loop
     * @param connected the connected channel
     * @param app the application's protocol; it sees {@code connectionMade} once the handshake is done
     * @param tls the settings
     * @param serverName the host name connected to (SNI and verification, unless {@code tls} names one)
     * @return the application's transport, after the handshake
     * @throws IOException a typed TLS error ({@code TlsHandshakeException} and subclasses)
     */
    public static Transport connectClient(SelectorLoop loop, Connector.Connected connected, BaseProtocol app, ClientTls tls,
            String serverName) throws IOException {
        String name = name(tls, serverName);
        SSLEngine engine = clientEngine(tls, name, connected.channel().getRemoteAddress());
        TlsProtocol layer = new TlsProtocol(loop, engine, app, name, tls.handshakeTimeout(), false);
        SocketTransport socket = new SocketTransport(loop, connected.channel(), layer);
        socket.start(connected.key());
        layer.awaitHandshake();
        return layer.appTransport();
    }

    /**
     * Returns the protocol to put under an accepted socket: it handshakes as a server, then gives
     * {@code app} its transport. A failed handshake closes the connection and is logged at debug
     * level; {@code app} then hears nothing.
     *
     * @param loop the loop
     * @param app the application's protocol
     * @param tls the settings
     * @return the protocol for the socket transport
     */
    public static BaseProtocol serverProtocol(SelectorLoop loop, BaseProtocol app, ServerTls tls) {
        return new TlsProtocol(loop, serverEngine(tls), app, null, tls.handshakeTimeout(), false);
    }

    /**
     * Upgrades an open plain connection to TLS as a client (STARTTLS): asyncio's
     * {@code loop.start_tls}. The transport's protocol becomes the application protocol of the TLS
     * layer; it gets no second {@code connectionMade}. Suspends the calling task until the
     * handshake is done.
     *
     * <p><b>Pitfall:</b> call it when the protocol is not paused for writing (after a drain), and
     * when no plaintext byte after the upgrade point has been read: such bytes were not protected.
     *
     * @param plain the open socket transport
     * @param tls the settings
     * @param serverName the host name connected to
     * @return the TLS transport, after the handshake
     * @throws IOException a typed TLS error; the connection is then closed
     */
    public static Transport startTls(Transport plain, ClientTls tls, String serverName) throws IOException {
        TlsProtocol layer = startClientTls(plain, plain.protocol(), tls, serverName);
        layer.awaitHandshake();
        return layer.appTransport();
    }

    /**
     * Upgrades an open plain connection to TLS as a server; see {@link #startTls(Transport, ClientTls, String)}.
     *
     * @param plain the open socket transport
     * @param tls the settings
     * @return the TLS transport, after the handshake
     * @throws IOException a typed TLS error; the connection is then closed
     */
    public static Transport startTls(Transport plain, ServerTls tls) throws IOException {
        TlsProtocol layer = startServerTls(plain, plain.protocol(), tls);
        layer.awaitHandshake();
        return layer.appTransport();
    }

    static TlsProtocol startClientTls(Transport plain, BaseProtocol app, ClientTls tls, String serverName) {
        String name = name(tls, serverName);
        SSLEngine engine = clientEngine(tls, name, plain.remoteAddress());
        return attach(plain, new TlsProtocol(selectorLoop(plain), engine, app, name, tls.handshakeTimeout(), true));
    }

    static TlsProtocol startServerTls(Transport plain, BaseProtocol app, ServerTls tls) {
        return attach(plain, new TlsProtocol(selectorLoop(plain), serverEngine(tls), app, null, tls.handshakeTimeout(), true));
    }

    private static TlsProtocol attach(Transport plain, TlsProtocol layer) {
        if (plain.isClosing()) {
            throw new IllegalStateException("cannot start TLS on a closing transport: " + plain);
        }
        if (plain instanceof TlsTransport) {
            throw new IllegalStateException("the connection speaks TLS already: " + plain);
        }
        plain.setProtocol(layer);
        layer.attach(plain);
        plain.resumeReading();
        return layer;
    }

    private static SelectorLoop selectorLoop(Transport t) {
        if (!(t.loop() instanceof SelectorLoop s)) {
            throw new IllegalStateException("TLS needs a selector loop, not " + t.loop());
        }
        return s;
    }

    private static String name(ClientTls tls, String serverName) {
        String n = tls.serverName() != null ? tls.serverName() : serverName;
        if (n != null && n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1); // an IPv6 literal as written in URLs
        }
        return n;
    }

    /** A client engine: SNI unless the name is an address, HTTPS host name checks unless turned off, ALPN. */
    static SSLEngine clientEngine(ClientTls tls, String name, SocketAddress remote) {
        int port = remote instanceof InetSocketAddress a ? a.getPort() : -1;
        SSLEngine engine = name == null ? tls.context().createSSLEngine() : tls.context().createSSLEngine(name, port);
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        if (name != null && Connector.literal(name) == null) {
            try {
                p.setServerNames(List.of(new SNIHostName(name)));
            } catch (IllegalArgumentException e) {
                // not a valid DNS name (an underscore, say): no SNI; the host name check still runs
            }
        }
        if (tls.verifyHostname()) {
            p.setEndpointIdentificationAlgorithm("HTTPS"); // SSLEngine checks no host name by default
        }
        if (!tls.alpn().isEmpty()) {
            p.setApplicationProtocols(tls.alpn().toArray(String[]::new));
        }
        engine.setSSLParameters(p);
        return engine;
    }

    static SSLEngine serverEngine(ServerTls tls) {
        SSLEngine engine = tls.context().createSSLEngine();
        engine.setUseClientMode(false);
        if (!tls.alpn().isEmpty()) {
            SSLParameters p = engine.getSSLParameters();
            p.setApplicationProtocols(tls.alpn().toArray(String[]::new));
            engine.setSSLParameters(p);
        }
        return engine;
    }
}
