package io.aio4j.net.tls;

import static io.aio4j.net.tls.TlsTesting.ascii;
import static io.aio4j.net.tls.TlsTesting.assertNoLeaks;
import static io.aio4j.net.tls.TlsTesting.closeAndCheckNoLeaks;
import static io.aio4j.net.tls.TlsTesting.port;
import static io.aio4j.net.tls.TlsTesting.recordLoopErrors;
import static io.aio4j.net.tls.TlsTesting.serverTls;
import static io.aio4j.net.tls.TlsTesting.tls;
import static io.aio4j.net.tls.TlsTesting.tlsServer;
import static io.aio4j.net.tls.TlsTesting.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.Transport;
import io.aio4j.sync.Event;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The protocol API over TLS: the order of callbacks, flow control both ways, buffered protocols. */
@Timeout(60)
class TlsProtocolTest {
    @BeforeAll
    static void makeCertificates() {
        TestCerts.dir();
    }

    /** Records its callbacks as words; {@link #lost} completes on connectionLost. */
    static final class Recorder implements Protocol {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Future<Exception> lost;
        final Future<Void> resumed;
        final Future<Void> firstData;
        boolean pauseOnFirstData;
        Transport transport;

        Recorder(EventLoop loop) {
            lost = loop.createFuture();
            resumed = loop.createFuture();
            firstData = loop.createFuture();
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            events.add("made " + t.tlsSession().map(s -> s.getProtocol()).orElse("plain"));
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            received.writeBytes(b);
            if (events.isEmpty() || !events.get(events.size() - 1).equals("data")) {
                events.add("data");
            }
            if (pauseOnFirstData && !firstData.done()) {
                transport.pauseReading();
            }
            firstData.trySetResult(null);
        }

        @Override
        public boolean eofReceived() {
            events.add("eof");
            return true; // asks to stay open: TLS closes anyway
        }

        @Override
        public void pauseWriting() {
            events.add("pause");
        }

        @Override
        public void resumeWriting() {
            events.add("resume");
            resumed.trySetResult(null);
        }

        @Override
        public void connectionLost(Exception cause) {
            events.add("lost " + (cause == null ? "null" : cause.getClass().getSimpleName()));
            lost.trySetResult(cause);
        }
    }

    @Test
    void closeNotifyGivesEofReceivedThenConnectionLostWithoutError() {
        Aio.run(() -> {
            var errors = recordLoopErrors();
            Server server = tlsServer("good", (r, w) -> {
                w.write(ascii("hi\n"));
                w.drain();
            });
            Recorder p = new Recorder(Aio.getRunningLoop());
            Transport t = Net.createConnection(() -> p, "localhost", port(server), tls(trustingTestCa()));
            assertThat(p.events).as("connectionMade came before createConnection returned").hasSize(1);
            assertThat(p.events.get(0)).startsWith("made TLSv1.");
            assertThat(t.protocol()).isSameAs(p);
            assertThat(Aio.await(p.lost)).isNull();
            assertThat(p.events).containsExactly(p.events.get(0), "data", "eof", "lost null");
            assertThat(ascii(p.received.toByteArray())).isEqualTo("hi\n");
            assertThat(t.isClosing()).isTrue();
            closeAndCheckNoLeaks(server);
            assertThat(errors).isEmpty();
        });
    }

    @Test
    void truncationGivesConnectionLostWithATypedErrorAndNoEof() throws Exception {
        SSLContext serverContext = serverTls("good").context();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket raw = listener.accept();
                        SSLSocket tls = (SSLSocket) serverContext.getSocketFactory().createSocket(raw, null, raw.getPort(),
                                false)) {
                    tls.setUseClientMode(false);
                    tls.getOutputStream().write(ascii("cut"));
                    tls.getOutputStream().flush();
                    raw.shutdownOutput(); // FIN, no close_notify
                    raw.getInputStream().read(new byte[1024]);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Aio.run(() -> {
                Recorder p = new Recorder(Aio.getRunningLoop());
                Net.createConnection(() -> p, "localhost", listener.getLocalPort(), tls(trustingTestCa()));
                assertThat(Aio.await(p.lost)).isInstanceOf(io.aio4j.net.TlsTruncationException.class);
                assertThat(p.events).containsExactly(p.events.get(0), "data", "lost TlsTruncationException");
                assertThat(ascii(p.received.toByteArray())).isEqualTo("cut");
                assertNoLeaks();
            });
            peer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullSocketPausesTheWriterAndADrainedOneResumesIt() {
        Aio.run(() -> {
            int size = 12 * 1024 * 1024; // loopback sockets take up to 4 MiB (tcp_wmem) plus the receive window
            Event startReading = Event.create();
            Server server = tlsServer("good", (r, w) -> {
                startReading.await();
                r.readExactly(size);
                w.write(ascii("got it\n"));
                w.drain();
            });
            Recorder p = new Recorder(Aio.getRunningLoop());
            Transport t = Net.createConnection(() -> p, "localhost", port(server), tls(trustingTestCa()));
            t.setWriteBufferLimits(256 * 1024, 64 * 1024);
            t.write(new byte[size]); // more than the kernel's buffers hold: the rest waits in ours
            assertThat(p.events).contains("pause");
            assertThat(t.writeBufferSize()).isGreaterThan(256 * 1024);
            startReading.set();
            Aio.await(p.resumed);
            assertThat(t.writeBufferSize()).isLessThanOrEqualTo(64 * 1024);
            Aio.await(p.lost);
            assertThat(ascii(p.received.toByteArray())).isEqualTo("got it\n");
            assertThat(p.events).containsSubsequence("pause", "resume", "data", "eof", "lost null");
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void pausedReadingHoldsTheRecordsAndResumingDeliversThemAll() {
        Aio.run(() -> {
            byte[] payload = new byte[300 * 1024];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) i;
            }
            Server server = tlsServer("good", (r, w) -> {
                w.write(payload);
                w.drain();
            });
            Recorder p = new Recorder(Aio.getRunningLoop());
            p.pauseOnFirstData = true;
            Transport t = Net.createConnection(() -> p, "localhost", port(server), tls(trustingTestCa()));
            Aio.await(p.firstData);
            assertThat(t.isReading()).isFalse();
            assertThat(p.lost.done()).isFalse(); // EOF waits behind the paused records
            t.resumeReading();
            assertThat(t.isReading()).isTrue();
            assertThat(Aio.await(p.lost)).isNull();
            assertThat(p.received.toByteArray()).isEqualTo(payload);
            assertThat(p.events).endsWith("eof", "lost null");
            closeAndCheckNoLeaks(server);
        });
    }

    /** An echo that lends small buffers, so one delivery fills several. */
    static final class BufferedEcho implements BufferedProtocol {
        private final ByteBuffer buffer = ByteBuffer.allocate(100);
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();
        }

        @Override
        public void bufferUpdated(int nbytes) {
            transport.write(buffer.flip());
        }
    }

    @Test
    void aBufferedProtocolServesOverTls() {
        Aio.run(() -> {
            var errors = recordLoopErrors();
            Server server = Net.createServer(BufferedEcho::new, "127.0.0.1", 0,
                    ServerOptions.defaults().withTls(serverTls("good")));
            byte[] data = new byte[50_000];
            java.util.Arrays.fill(data, (byte) 'x');
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                c.writer().write(data);
                c.writer().drain();
                assertThat(c.reader().readExactly(data.length)).isEqualTo(data);
            }
            server.close();
            server.closeClients();
            Aio.waitFor(Aio.createTask(() -> {
                server.waitClosed();
                return null;
            }), Duration.ofSeconds(5));
            assertNoLeaks();
            assertThat(errors).isEmpty();
        });
    }
}
