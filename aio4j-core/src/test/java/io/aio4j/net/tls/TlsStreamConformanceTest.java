package io.aio4j.net.tls;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.StreamConformanceTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The stream contract on TLS over 127.0.0.1 (the test CA's {@code good} certificate, verified):
 * the client is the left end, the server's the right. TLS cannot half-close.
 */
class TlsStreamConformanceTest extends StreamConformanceTest {
    @BeforeAll
    static void makeCertificatesAndWarmUp() {
        TestCerts.dir();
        // A handshake and a few MiB on a loop of its own first: a cold JVM loads JSSE's classes and
        // runs AES-GCM interpreted for a second or more on a loaded machine, which the checks would
        // report as a blocked loop (the large transfer's writer runs without waiting while the
        // kernel's buffers take several MiB).
        Aio.run(() -> {
            Server server = TlsTesting.tlsServer("good", (r, w) -> {
                byte[] chunk;
                while ((chunk = r.read(64 * 1024)).length > 0) {
                    w.write(chunk);
                    w.drain();
                }
            });
            try (Connection c = Net.openConnection("127.0.0.1", TlsTesting.port(server),
                    TlsTesting.tls(TlsTesting.trustingTestCa()))) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) {
                    c.writer().write(chunk);
                    c.writer().drain();
                    c.reader().readExactly(chunk.length);
                }
            }
            TlsTesting.closeAndCheckNoLeaks(server);
        });
    }

    @Override
    protected StreamPair openPair() throws Exception {
        Future<Connection> accepted = loop.createFuture();
        Server server = Net.startServer(parkUntilClosed(accepted), "127.0.0.1", 0,
                ServerOptions.defaults().withTls(TlsTesting.serverTls("good")));
        Connection client = Net.openConnection("127.0.0.1", TlsTesting.port(server),
                TlsTesting.tls(TlsTesting.trustingTestCa()));
        Connection served = Aio.await(accepted);
        server.close(); // no more clients; the connection goes on
        return new StreamPair(client, served, server::waitClosed);
    }

    @Override
    protected boolean canHalfClose() {
        return false; // close_notify ends both directions
    }

    @Override
    protected boolean resetsOnAbort() {
        return true; // the TCP socket below is reset, without close_notify
    }
}
