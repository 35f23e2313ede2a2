package io.aio4j.http.client;

import static io.aio4j.http.client.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.http.ClientConnectorCertificateException;
import io.aio4j.http.ClientConnectorException;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.http.ClientTimeout;
import io.aio4j.http.ConnectionTimeoutException;
import io.aio4j.http.ServerFingerprintMismatchException;
import io.aio4j.http.TcpConnector;
import io.aio4j.http.internal.client.Session;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebServer;
import io.aio4j.http.web.WebServerOptions;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ServerTls;
import io.aio4j.net.TlsCertificateException;
import io.aio4j.net.tls.TestCerts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTPS: the certificate faults (F31), a failing or stalled handshake (F32, F3), truncation (F33), and an aio4j HTTPS server. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientTlsTest {

    static ServerTls serverTls(String cert) {
        try {
            return ServerTls.fromPem(TestCerts.pem(cert), TestCerts.key(cert));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientSession.Builder trustingTestCa() {
        try {
            return ClientSession.builder().connector(TcpConnector.defaults()
                    .withTls(ClientTls.trusting(TestCerts.pem("ca"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Application hello() {
        return Application.builder().get("/", r -> Response.text("secure hello")).build();
    }

    @Test
    void httpsToAnAio4jServerWithKeepAlive() {
        Aio.run(() -> {
            WebServer server = WebServer.start(hello(), "127.0.0.1", 0, WebServerOptions.defaults().withTls(serverTls("good")));
            try (ClientSession s = trustingTestCa().build()) {
                for (String host : new String[] {"localhost", "127.0.0.1", "localhost"}) {
                    try (ClientResponse r = s.get("https://" + host + ":" + server.port() + "/")) {
                        assertThat(r.text()).isEqualTo("secure hello");
                    }
                }
                assertThat(((Session) s).openConnections()).as("one per host name").isEqualTo(2);
            } finally {
                server.shutdown(Duration.ofSeconds(5));
            }
        });
    }

    @Test
    void aFileOverHttpsGoesThroughTheJvmWhole(@TempDir Path dir) throws Exception {
        byte[] data = new byte[2 * 1024 * 1024 + 5];
        new java.util.Random(9).nextBytes(data);
        Path file = dir.resolve("big.bin");
        Files.write(file, data);
        Application app = Application.builder().get("/f", r -> Response.file(file)).build();
        Aio.run(() -> {
            WebServer server = WebServer.start(app, "127.0.0.1", 0, WebServerOptions.defaults().withTls(serverTls("good")));
            try (ClientSession s = trustingTestCa().build();
                    ClientResponse r = s.get("https://localhost:" + server.port() + "/f")) {
                assertThat(r.read()).isEqualTo(data);
            } finally {
                server.shutdown(Duration.ofSeconds(5));
            }
        });
    }

    @Test
    void aPinnedFingerprintAcceptsItsCertificateAndRefusesAnother() throws Exception {
        byte[] good;
        try (InputStream in = Files.newInputStream(TestCerts.pem("selfsigned"))) {
            good = MessageDigest.getInstance("SHA-256").digest(CertificateFactory.getInstance("X.509")
                    .generateCertificate(in).getEncoded());
        }
        byte[] other = good.clone();
        other[0] ^= 1;
        Aio.run(() -> {
            WebServer server = WebServer.start(hello(), "127.0.0.1", 0,
                    WebServerOptions.defaults().withTls(serverTls("selfsigned")));
            try {
                TcpConnector pinned = TcpConnector.defaults().withTls(ClientTls.insecure()).withFingerprint(good);
                try (ClientSession s = ClientSession.builder().connector(pinned).build();
                        ClientResponse r = s.get("https://localhost:" + server.port() + "/")) {
                    assertThat(r.text()).isEqualTo("secure hello");
                }
                try (ClientSession s = ClientSession.builder().connector(pinned.withFingerprint(other)).build()) {
                    assertThatThrownBy(() -> s.get("https://localhost:" + server.port() + "/"))
                            .isInstanceOf(ServerFingerprintMismatchException.class)
                            .hasMessageContaining("fingerprint mismatch");
                    assertThat(((Session) s).openConnections()).isZero();
                }
            } finally {
                server.shutdown(Duration.ofSeconds(5));
            }
        });
        assertThatThrownBy(() -> TcpConnector.defaults().withFingerprint(new byte[20]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-1");
    }

    // F31: each bad certificate fails with the typed error naming why; the opt-out accepts it.
    @ParameterizedTest
    @CsvSource({"wronghost, HOSTNAME_MISMATCH", "expired, EXPIRED", "notyet, NOT_YET_VALID",
        "untrusted, UNTRUSTED_ROOT", "selfsigned, UNTRUSTED_ROOT"})
    void aBadCertificateIsACertificateError(String cert, TlsCertificateException.Reason reason) {
        Aio.run(() -> {
            WebServer server = WebServer.start(hello(), "127.0.0.1", 0, WebServerOptions.defaults().withTls(serverTls(cert)));
            try {
                try (ClientSession s = trustingTestCa().build()) {
                    assertThatThrownBy(() -> s.get("https://localhost:" + server.port() + "/"))
                            .isInstanceOf(ClientConnectorCertificateException.class)
                            .hasMessageStartingWith("Cannot connect to host localhost:" + server.port() + " ssl:default")
                            .cause().isInstanceOfSatisfying(TlsCertificateException.class,
                                    e -> assertThat(e.reason()).isIn(reason, TlsCertificateException.Reason.SELF_SIGNED));
                    assertThat(((Session) s).openConnections()).isZero();
                }
                try (ClientSession s = ClientSession.builder().connector(TcpConnector.defaults()
                        .withTls(ClientTls.insecure())).build();
                        ClientResponse r = s.get("https://localhost:" + server.port() + "/")) {
                    assertThat(r.text()).as("verification off, explicitly").isEqualTo("secure hello");
                }
            } finally {
                server.shutdown(Duration.ofSeconds(5));
            }
        });
    }

    // F32: the server closes at the start of the handshake.
    @Test
    void aServerThatClosesDuringTheHandshakeIsAConnectorError() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket s = listener.accept()) {
                    s.getInputStream().read(new byte[100]); // the ClientHello, then close
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Aio.run(() -> {
                try (ClientSession s = trustingTestCa().build()) {
                    assertThatThrownBy(() -> s.get("https://localhost:" + listener.getLocalPort() + "/"))
                            .isInstanceOf(ClientConnectorException.class);
                }
            });
            peer.get(10, TimeUnit.SECONDS);
        }
    }

    // F3: the server accepts and says nothing: the connect timeout covers the handshake.
    @Test
    void aStalledHandshakeIsAConnectionTimeout() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Aio.run(() -> {
                try (ClientSession s = trustingTestCa().timeout(ClientTimeout.DEFAULT
                        .withSockConnect(Duration.ofMillis(300))).build()) {
                    assertThatThrownBy(() -> s.get("https://localhost:" + listener.getLocalPort() + "/"))
                            .isInstanceOf(ConnectionTimeoutException.class);
                    assertThat(((Session) s).openConnections()).isZero();
                }
            });
            accepted.get(10, TimeUnit.SECONDS).close();
        }
    }

    // F33: a TCP FIN without close_notify mid-body is a payload error, with or without a length.
    @ParameterizedTest
    @CsvSource({"'Content-Length: 100', partial", "'Connection: close', partial"})
    void aTruncatedTlsBodyIsAPayloadError(String framing, String body) throws Exception {
        SSLContext context = serverTls("good").context();
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket raw = listener.accept();
                        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, null, raw.getPort(), false)) {
                    tls.setUseClientMode(false);
                    InputStream in = tls.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().endsWith("\r\n\r\n")) {
                        head.append((char) in.read());
                    }
                    tls.getOutputStream().write(ascii("HTTP/1.1 200 OK\r\n" + framing + "\r\n\r\n" + body));
                    tls.getOutputStream().flush();
                    raw.shutdownOutput(); // FIN, no close_notify
                    raw.getInputStream().read(new byte[1024]);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Aio.run(() -> {
                try (ClientSession s = trustingTestCa().build();
                        ClientResponse r = s.get("https://localhost:" + listener.getLocalPort() + "/")) {
                    assertThat(new String(r.content().readAny())).isEqualTo(body);
                    assertThatThrownBy(() -> r.content().readAny()).isInstanceOf(ClientPayloadException.class);
                }
            });
            peer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectToSendsTheConnectionElsewhereAndKeepsTheUrlsHostForHostHeaderSniAndTheCertificateCheck() throws IOException {
        TcpConnector base = TcpConnector.defaults().withTls(ClientTls.trusting(TestCerts.pem("ca")));
        Application app = Application.builder()
                .get("/", r -> Response.text("host " + r.headers().get("Host"))).build();
        Aio.run(() -> {
            WebServer server = WebServer.start(app, "127.0.0.1", 0, WebServerOptions.defaults().withTls(serverTls("good")));
            try (ClientSession s = ClientSession.builder().connector(base
                    .withConnectTo("LOCALHOST", 443, "127.0.0.1", server.port())
                    .withConnectTo("www.example.com", 443, "127.0.0.1", server.port())).build()) {
                try (ClientResponse r = s.get("https://localhost/")) {
                    assertThat(r.text()).as("the certificate names localhost").isEqualTo("host localhost");
                }
                assertThatThrownBy(() -> s.get("https://www.example.com/"))
                        .as("the certificate does not name www.example.com: the URL's host is the one checked")
                        .isInstanceOf(ClientConnectorCertificateException.class);
                assertThatThrownBy(() -> s.get("https://localhost:444/"))
                        .as("another port is not mapped")
                        .isInstanceOf(ClientConnectorException.class);
            } finally {
                server.shutdown(Duration.ofSeconds(5));
            }
        });
    }

    @Test
    void connectToKeysAreNormalisedAndChecked() {
        TcpConnector c = TcpConnector.defaults().withConnectTo("[::1]", 80, "example.org", 8080)
                .withConnectTo("Example.COM", 443, "[::1]", 8443);
        assertThat(c.connectTo()).containsOnlyKeys("[::1]:80", "example.com:443");
        assertThat(c.connectTo().get("example.com:443").getHostString()).isEqualTo("::1");
        assertThat(c.connectTo().get("[::1]:80").getPort()).isEqualTo(8080);
        assertThat(c).isEqualTo(TcpConnector.defaults().withConnectTo("example.com", 443, "::1", 8443)
                .withConnectTo("::1", 80, "example.org", 8080));
        assertThatThrownBy(() -> c.withConnectTo("a", 0, "b", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..65535");
        assertThatThrownBy(() -> c.withConnectTo(" ", 1, "b", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
