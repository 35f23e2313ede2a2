package io.aio4j.internal.net;

import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ServerTls;
import io.aio4j.net.Transport;
import java.io.IOException;

/**
 * TLS as a layer between a socket transport and the application's protocol (asyncio's
 * {@code SSLProtocol}): the socket transport talks to the TLS protocol, which gives the application
 * protocol a transport of its own once the handshake is done.
 */
public final class TlsLayer {
    private TlsLayer() {}

    /**
     * Starts a client TLS session over a connected socket transport's channel, and waits for the
     * handshake. Suspends the calling task.
     *
     * @param loop the loop
     * @param connected the connected channel
     * @param app the application's protocol
     * @param tls the settings
     * @param serverName the host name connected to (SNI and verification)
     * @return the application's transport, after the handshake
     * @throws IOException a typed TLS error
     */
    public static Transport connectClient(SelectorLoop loop, Connector.Connected connected, BaseProtocol app, ClientTls tls,
            String serverName) throws IOException {
        throw new UnsupportedOperationException("TLS is not available yet");
    }

    /**
     * Returns the protocol to put under an accepted socket: it handshakes as a server, then gives
     * {@code app} its transport.
     *
     * @param loop the loop
     * @param app the application's protocol
     * @param tls the settings
     * @return the protocol for the socket transport
     */
    public static BaseProtocol serverProtocol(SelectorLoop loop, BaseProtocol app, ServerTls tls) {
        throw new UnsupportedOperationException("TLS is not available yet");
    }
}
