package io.aio4j.net.tls;

import static io.aio4j.net.tls.TlsTesting.LINE_ECHO;
import static io.aio4j.net.tls.TlsTesting.ascii;
import static io.aio4j.net.tls.TlsTesting.assertNoLeaks;
import static io.aio4j.net.tls.TlsTesting.closeAndCheckNoLeaks;
import static io.aio4j.net.tls.TlsTesting.port;
import static io.aio4j.net.tls.TlsTesting.recordLoopErrors;
import static io.aio4j.net.tls.TlsTesting.roundTrip;
import static io.aio4j.net.tls.TlsTesting.serverTls;
import static io.aio4j.net.tls.TlsTesting.tls;
import static io.aio4j.net.tls.TlsTesting.tlsServer;
import static io.aio4j.net.tls.TlsTesting.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.DeadlineExceededException;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.net.LoopNet;
import io.aio4j.net.Transport;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.ServerTls;
import io.aio4j.net.TlsHandshakeException;
import io.aio4j.net.TlsHandshakeTimeoutException;
import io.aio4j.net.TlsTruncationException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS streams end to end: bulk data, ALPN, timeouts, how a connection ends, key formats, interop with the JDK. */
@Timeout(60)
class TlsStreamTest {
    private static final int FIVE_MIB = 5 * 1024 * 1024;

    @BeforeAll
    static void makeCertificates() {
        TestCerts.dir();
    }

    /** Reads whatever comes, answers nothing; a client that gives up may reset the connection. */
    private static final ConnectionHandler SILENT = (r, w) -> {
        try {
            r.read(-1);
        } catch (BrokenResourceException expected) {
            // the client aborted
        }
    };

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    @Test
    void fiveMebibytesEchoBothWaysAtOnceWithBackPressure() {
        Aio.run(() -> {
            var errors = recordLoopErrors();
            Server server = tlsServer("good", (r, w) -> {
                byte[] chunk;
                while ((chunk = r.read(48 * 1024)).length > 0) {
                    w.write(chunk);
                    w.drain();
                }
            });
            byte[] data = pattern(FIVE_MIB);
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                // the writer runs ahead while this task reads the echo: both directions flow together
                Task<Void> writer = Aio.createTask(() -> {
                    for (int at = 0; at < data.length; at += 64 * 1024) {
                        c.writer().write(java.nio.ByteBuffer.wrap(data, at, Math.min(64 * 1024, data.length - at)));
                        c.writer().drain();
                    }
                    return null;
                });
                byte[] echoed = c.reader().readExactly(FIVE_MIB);
                Aio.await(writer);
                assertThat(MessageDigest.getInstance("SHA-256").digest(echoed))
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
                assertThat(c.writer().transport().writeBufferSize()).isZero();
            }
            closeAndCheckNoLeaks(server);
            assertThat(errors).isEmpty();
        });
    }

    @Test
    void alpnAgreesOnTheServersFirstChoiceTheClientOffers() {
        Aio.run(() -> {
            ServerTls serverTls = serverTls("good").withAlpn("h2", "http/1.1");
            Server server = Net.startServer((r, w) -> {
                w.write(ascii(w.transport().selectedAlpnProtocol().orElse("none") + "\n"));
                w.drain();
            }, "127.0.0.1", 0, ServerOptions.defaults().withTls(serverTls));
            try (Connection c = Net.openConnection("localhost", port(server),
                    tls(trustingTestCa().withAlpn("http/1.1", "h2")))) {
                assertThat(ascii(c.reader().readLine())).isEqualTo("h2\n");
                assertThat(c.writer().transport().selectedAlpnProtocol()).hasValue("h2");
            }
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                assertThat(ascii(c.reader().readLine())).isEqualTo("none\n"); // offered nothing, got nothing
                assertThat(c.writer().transport().selectedAlpnProtocol()).isEmpty();
            }
            assertThatThrownBy(() -> Net.openConnection("localhost", port(server),
                    tls(trustingTestCa().withAlpn("spdy/3"))))
                    .isInstanceOf(TlsHandshakeException.class)
                    .hasMessageContaining("localhost")
                    .hasMessageContaining("no_application_protocol");
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeTimesOutWithATypedError() {
        Aio.run(() -> {
            // A plain TCP server that reads the ClientHello and says nothing.
            Server silent = Net.startServer(SILENT, "127.0.0.1", 0);
            Duration timeout = Duration.ofMillis(300);
            long start = System.nanoTime();
            TlsHandshakeTimeoutException e = null;
            try {
                Net.openConnection("localhost", port(silent), tls(trustingTestCa().withHandshakeTimeout(timeout)));
            } catch (TlsHandshakeTimeoutException x) {
                e = x;
            }
            assertThat(e).isNotNull();
            assertThat(e.timeout()).isEqualTo(timeout);
            assertThat(e.getMessage()).contains("localhost").contains("300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
            // the client's socket is gone when the error arrives
            assertThat(LoopNet.of((SelectorLoop) Aio.getRunningLoop()).openResources())
                    .noneMatch(r -> r instanceof Transport t && t.remoteAddress() instanceof InetSocketAddress a
                            && a.getPort() == port(silent));
            closeAndCheckNoLeaks(silent);
        });
    }

    @Test
    void aServerDropsAClientThatDoesNotHandshakeInTime() {
        Aio.run(() -> {
            var errors = recordLoopErrors();
            Server server = Net.startServer(LINE_ECHO, "127.0.0.1", 0,
                    ServerOptions.defaults().withTls(serverTls("good").withHandshakeTimeout(Duration.ofMillis(200))));
            try (Connection idle = Net.openConnection("127.0.0.1", port(server))) { // plain TCP, sends nothing
                assertThat(idle.reader().read(-1)).isEmpty(); // the server hung up
            }
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                assertThat(roundTrip(c, "next")).isEqualTo("next\n");
            }
            closeAndCheckNoLeaks(server);
            assertThat(errors).as("a failed server handshake is not an error of the program").isEmpty();
        });
    }

    @Test
    void aCancelledHandshakeLeavesNoSocket() {
        Aio.run(() -> {
            Server silent = Net.startServer(SILENT, "127.0.0.1", 0);
            assertThatThrownBy(() -> Aio.withTimeout(Duration.ofMillis(200),
                    () -> Net.openConnection("localhost", port(silent), tls(trustingTestCa()))))
                    .isInstanceOf(DeadlineExceededException.class);
            closeAndCheckNoLeaks(silent);
        });
    }

    @Test
    void closeNotifyEndsTheStreamCleanly() {
        Aio.run(() -> {
            Server server = tlsServer("good", (r, w) -> {
                w.write(ascii("bye\n"));
                w.drain();
            }); // the handler returns: the server closes, sending close_notify
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                assertThat(ascii(c.reader().readLine())).isEqualTo("bye\n");
                assertThat(c.reader().read(-1)).isEmpty();
                assertThat(c.reader().exception()).isNull();
                assertThat(c.reader().atEof()).isTrue();
                c.writer().waitClosed(); // TLS has no half-close: the client closed after the server's close_notify
                assertThat(c.writer().canWriteEof()).isFalse();
                assertThatThrownBy(() -> c.writer().writeEof()).isInstanceOf(UnsupportedOperationException.class);
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void closeClientsOnATlsServerSendsCloseNotify() {
        Aio.run(() -> {
            Server server = tlsServer("good", (r, w) -> {
                w.write(ascii("hello\n"));
                w.drain();
                r.read(-1); // until the server closes the connection under it
            });
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                assertThat(ascii(c.reader().readLine())).isEqualTo("hello\n");
                server.closeClients();
                assertThat(c.reader().read(-1)).as("a clean end, not a truncation").isEmpty();
                assertThat(c.reader().exception()).isNull();
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void aPeerThatClosesWithoutCloseNotifyIsReportedAsTruncation() throws Exception {
        SSLContext serverContext = serverTls("good").context();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // A JDK server that sends a line, then a TCP FIN with no close_notify.
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket raw = listener.accept();
                        SSLSocket tls = (SSLSocket) serverContext.getSocketFactory().createSocket(raw, null, raw.getPort(),
                                false)) {
                    tls.setUseClientMode(false);
                    tls.startHandshake();
                    tls.getOutputStream().write(ascii("partial\n"));
                    tls.getOutputStream().flush();
                    raw.shutdownOutput();
                    raw.getInputStream().read(new byte[1024]); // until the client goes
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Aio.run(() -> {
                try (Connection c = Net.openConnection("localhost", listener.getLocalPort(), tls(trustingTestCa()))) {
                    assertThat(ascii(c.reader().readLine())).isEqualTo("partial\n"); // what came is delivered
                    assertThatThrownBy(() -> c.reader().read(-1))
                            .isInstanceOf(TlsTruncationException.class)
                            .hasMessageContaining("close_notify")
                            .hasMessageContaining("localhost");
                }
                assertNoLeaks();
            });
            peer.get(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec8", "ecsec1", "rsa1"})
    void keysInPkcs8Sec1AndPkcs1FormServe(String cert) {
        assertThat(TestCerts.text(TestCerts.key(cert))).contains(switch (cert) {
            case "ec8" -> "BEGIN PRIVATE KEY";
            case "ecsec1" -> "BEGIN EC PRIVATE KEY";
            default -> "BEGIN RSA PRIVATE KEY";
        });
        Aio.run(() -> {
            Server server = tlsServer(cert, LINE_ECHO);
            try (Connection c = Net.openConnection("localhost", port(server), tls(trustingTestCa()))) {
                assertThat(roundTrip(c, cert)).isEqualTo(cert + "\n");
            }
            closeAndCheckNoLeaks(server);
        });
    }

    @Test
    void badKeyMaterialIsRefusedWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> ServerTls.fromPem(TestCerts.pem("good"), TestCerts.key("expired")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to the first certificate");
        assertThatThrownBy(() -> ServerTls.fromPemText(TestCerts.text(TestCerts.pem("good")),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> ClientTls.trustingPem("no certificate here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BEGIN CERTIFICATE");
    }

    @Test
    void theJdksTlsSocketsTalkToAnAio4jServer() {
        SSLContext clientContext = trustingContext();
        Aio.run(() -> {
            Server server = tlsServer("good", LINE_ECHO);
            int port = port(server);
            String answer = Aio.toThread(() -> {
                try (SSLSocket s = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost", port)) {
                    var p = s.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    s.setSSLParameters(p);
                    OutputStream out = s.getOutputStream();
                    out.write(ascii("from the JDK\n"));
                    out.flush();
                    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                }
            });
            assertThat(answer).isEqualTo("from the JDK");
            closeAndCheckNoLeaks(server);
        });
    }

    /** A context of our own: TLS 1.2 only, trusting the test CA, with a trust manager that takes its time. */
    private static SSLContext customClientContext(String protocol, Duration slowness) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(TestCerts.pem("ca"))) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        X509ExtendedTrustManager pkix = (X509ExtendedTrustManager) tmf.getTrustManagers()[0];
        X509ExtendedTrustManager slow = new X509ExtendedTrustManager() {
            private void pause() {
                try {
                    Thread.sleep(slowness);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws java.security.cert.CertificateException {
                pause(); // a trust manager that asks a remote service, say
                pkix.checkServerTrusted(chain, authType, engine);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws java.security.cert.CertificateException {
                pkix.checkServerTrusted(chain, authType, socket);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                pkix.checkServerTrusted(chain, authType);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws java.security.cert.CertificateException {
                pkix.checkClientTrusted(chain, authType, engine);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws java.security.cert.CertificateException {
                pkix.checkClientTrusted(chain, authType, socket);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                pkix.checkClientTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return pkix.getAcceptedIssuers();
            }
        };
        SSLContext ctx = SSLContext.getInstance(protocol);
        ctx.init(null, new TrustManager[] {slow}, null);
        return ctx;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aContextOfYourOwnWithASlowTrustManagerWorksInBothVersions(String protocol) throws Exception {
        // 20 ms in the trust check: later delegated tasks of the connection go to a thread
        SSLContext ctx = customClientContext(protocol, Duration.ofMillis(20));
        Aio.run(() -> {
            var errors = recordLoopErrors();
            Server server = tlsServer("good", (r, w) -> {
                w.write(r.readLine());
                w.drain();
            });
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                try (Connection c = Net.openConnection(host, port(server), tls(ClientTls.of(ctx)))) {
                    assertThat(c.writer().transport().tlsSession().orElseThrow().getProtocol()).isEqualTo(protocol);
                    assertThat(roundTrip(c, "v")).isEqualTo("v\n");
                    assertThat(c.reader().read(-1)).isEmpty(); // close_notify, as each version does it
                    assertThat(c.reader().exception()).isNull();
                }
            }
            Server wrong = tlsServer("wronghost", LINE_ECHO);
            assertThatThrownBy(() -> Net.openConnection("localhost", port(wrong), tls(ClientTls.of(ctx))))
                    .isInstanceOfSatisfying(io.aio4j.net.TlsCertificateException.class,
                            e -> assertThat(e.reason()).isEqualTo(io.aio4j.net.TlsCertificateException.Reason.HOSTNAME_MISMATCH));
            closeAndCheckNoLeaks(server, wrong);
            assertThat(errors).isEmpty();
        });
    }

    private static SSLContext trustingContext() {
        return trustingTestCa().context();
    }
}
