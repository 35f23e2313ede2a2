package io.aio4j.net;

import io.aio4j.Aio;
import io.aio4j.Future;
import java.net.InetSocketAddress;

/** The stream contract on TCP over 127.0.0.1: the client is the left end, the server's the right. */
class TcpStreamConformanceTest extends StreamConformanceTest {
    @Override
    protected StreamPair openPair() throws Exception {
        Future<Connection> accepted = loop.createFuture();
        Server server = Net.startServer(parkUntilClosed(accepted), "127.0.0.1", 0);
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        Connection client = Net.openConnection("127.0.0.1", port);
        Connection served = Aio.await(accepted);
        server.close(); // no more clients; the connection goes on
        return new StreamPair(client, served, server::waitClosed);
    }

    @Override
    protected boolean resetsOnAbort() {
        return true; // SO_LINGER 0
    }
}
