package io.aio4j.testing.http;

import static io.aio4j.testing.http.PeerTesting.exchange;
import static io.aio4j.testing.http.PeerTesting.goodServerTls;
import static io.aio4j.testing.http.PeerTesting.latin1;
import static io.aio4j.testing.http.PeerTesting.runChecked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.tls.TestCerts;
import io.aio4j.testing.http.MockResponse.SocketPolicy;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both servers over TLS, with aio4j-core's test certificates (made by its {@code TestCerts} once per
 * JVM): a client trusting the test CA talks to them by the name {@code localhost}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsPeersTest {

    private static Connection connectTls(int port) throws IOException {
        return Net.openConnection("localhost", port,
                ConnectOptions.defaults().withTls(ClientTls.trusting(TestCerts.pem("ca"))));
    }

    @Test
    void aReplayScriptRunsAfterTheHandshake() {
        runChecked(() -> {
            ReplayServer server = ReplayServer.builder().tls(goodServerTls())
                    .onEveryConnection(s -> s.expectRequest().send("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret").close())
                    .start();
            try (server; Connection c = connectTls(server.port())) {
                assertThat(server.url("/")).isEqualTo("https://127.0.0.1:" + server.port() + "/");
                assertThat(exchange(c, "GET /tls HTTP/1.1\r\nHost: localhost\r\n\r\n")).endsWith("\r\n\r\nsecret");
                assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.target()).isEqualTo("/tls"));
            }
            PeerTesting.assertClosedCompletely(server.loopback());
        });
    }

    @Test
    void rstOverTlsResetsTheConnection() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder().tls(goodServerTls())
                    .onEveryConnection(s -> s.expectRequest().send("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\npart")
                            .expectRequest().rst()) // once the client's second request says it read the part
                    .start(); Connection c = connectTls(server.port())) {
                c.writer().write(latin1("GET / HTTP/1.1\r\n\r\n"));
                c.reader().readUntil(latin1("part"));
                c.writer().write(latin1("GET /read-it HTTP/1.1\r\n\r\n"));
                assertThatThrownBy(() -> c.reader().read(-1)).isInstanceOf(BrokenResourceException.class);
            }
        });
    }

    @Test
    void aTlsScriptThatHalfClosesIsRefusedAtStart() {
        runChecked(() -> assertThatThrownBy(() -> ReplayServer.builder().tls(goodServerTls())
                .onConnection(s -> s.send("x").shutdownOutput()).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shutdownOutput() cannot run on TLS"));
    }

    @Test
    void aTlsMockServerAnswersAndClosesWhereItWouldHalfClose() {
        runChecked(() -> {
            MockServer server = MockServer.startTls(goodServerTls());
            try (server; Connection c = connectTls(server.port())) {
                server.enqueue(new MockResponse().body("one"));
                server.enqueue(new MockResponse().body("two").socketPolicy(SocketPolicy.SHUTDOWN_OUTPUT_AT_END));
                assertThat(exchange(c, "GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n"))
                        .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none"
                                + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo");
                assertThat(server.url()).startsWith("https://127.0.0.1:");
                assertThat(server.takeRequest().target()).isEqualTo("/1");
                assertThat(server.takeRequest().sequence()).isEqualTo(1);
            }
            PeerTesting.assertClosedCompletely(server.loopback());
        });
    }
}
