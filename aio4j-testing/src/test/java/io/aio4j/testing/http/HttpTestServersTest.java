package io.aio4j.testing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.IncompleteReadException;
import io.aio4j.net.Net;
import io.aio4j.net.ServerTls;
import io.aio4j.net.tls.TestCerts;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The replay and mock servers, driven by raw aio4j streams. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpTestServersTest {

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String readAll(Connection c) throws IOException {
        return new String(c.reader().read(-1), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aReplayScriptRunsPerConnectionAndRecordsRequests() {
        Aio.run(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onConnection(0, s -> s.expectRequest().send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
                            .expectRequest().send("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond").close())
                    .onEveryConnection(s -> s.expectRequest().sendThrottled("HTTP/1.1 204 No Content\r\n\r\n", 5,
                            Duration.ofMillis(1)).shutdownOutput().stall())
                    .start()) {
                try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                    c.writer().write(ascii("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                            + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
                    assertThat(readAll(c)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst"
                            + "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond");
                }
                try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                    c.writer().write(ascii("GET /c HTTP/1.1\r\nX-Test: yes\r\n\r\n"));
                    assertThat(readAll(c)).isEqualTo("HTTP/1.1 204 No Content\r\n\r\n");
                }
                assertThat(server.connectionCount()).isEqualTo(2);
                assertThat(server.requests()).hasSize(3);
                RecordedRequest b = server.requests().get(1);
                assertThat(b.method()).isEqualTo("POST");
                assertThat(b.bodyText()).isEqualTo("abc");
                assertThat(b.connection()).isZero();
                assertThat(b.sequence()).isEqualTo(1);
                assertThat(server.requests().get(2).header("x-test")).isEqualTo("yes");
            }
        });
    }

    @Test
    void aResetReachesTheClientAsABrokenConnection() {
        Aio.run(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(s -> s.expectRequest().send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart")
                            .sleep(Duration.ofMillis(50)).rst())
                    .start()) {
                try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                    c.writer().write(ascii("GET / HTTP/1.1\r\n\r\n"));
                    assertThat(new String(c.reader().readUntil(ascii("part")), StandardCharsets.ISO_8859_1))
                            .endsWith("part");
                    assertThatThrownBy(() -> c.reader().read(-1)).isInstanceOf(BrokenResourceException.class);
                }
            }
        });
    }

    @Test
    void aClosedServerRefusesConnections() {
        Aio.run(() -> {
            ReplayServer server = ReplayServer.builder().start();
            int port = server.port();
            server.close();
            assertThatThrownBy(() -> Net.openConnection("127.0.0.1", port)).isInstanceOf(ConnectException.class);
            assertThat(Aio.allTasks()).as("no task of the server is left").allMatch(t -> t == Aio.currentTask());
        });
    }

    @Test
    void theMockServerAnswersInOrderAndRecords() {
        Aio.run(() -> {
            try (MockServer server = MockServer.start()) {
                server.enqueue(new MockResponse().header("Content-Type", "text/plain").body("one"));
                server.enqueue(new MockResponse().status(201, "Created").body("two, chunked").chunked(4));
                try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                    c.writer().write(ascii("GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
                            + "GET /3 HTTP/1.1\r\nConnection: close\r\n\r\n"));
                    String head1 = new String(c.reader().readUntil(ascii("one")), StandardCharsets.ISO_8859_1);
                    assertThat(head1).startsWith("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3");
                    String rest = new String(c.reader().readUntil(ascii("no response enqueued")),
                            StandardCharsets.ISO_8859_1);
                    assertThat(rest).startsWith("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ntwo,")
                            .contains("0\r\n\r\nHTTP/1.1 404 Not Found");
                }
                assertThat(server.takeRequest().target()).isEqualTo("/1");
                RecordedRequest second = server.takeRequest();
                assertThat(second.bodyText()).isEqualTo("hi");
                assertThat(second.sequence()).isEqualTo(1);
                assertThat(server.takeRequest().target()).isEqualTo("/3");
                assertThat(server.requestCount()).isEqualTo(3);
                assertThat(server.connectionCount()).isEqualTo(1);
            }
        });
    }

    @Test
    void mockSocketPoliciesCutTheConnectionWhereTheySay() {
        Aio.run(() -> {
            try (MockServer server = MockServer.start()) {
                server.enqueue(new MockResponse().socketPolicy(MockResponse.SocketPolicy.DISCONNECT_AFTER_REQUEST));
                server.enqueue(new MockResponse().body("0123456789")
                        .socketPolicy(MockResponse.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
                try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                    c.writer().write(ascii("GET / HTTP/1.1\r\n\r\n"));
                    assertThat(c.reader().read(-1)).isEmpty();
                }
                try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                    c.writer().write(ascii("GET / HTTP/1.1\r\n\r\n"));
                    assertThat(readAll(c)).endsWith("\r\n\r\n01234");
                }
                server.enqueue(new MockResponse().body("bye").socketPolicy(MockResponse.SocketPolicy.SHUTDOWN_OUTPUT_AT_END));
                try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                    c.writer().write(ascii("GET / HTTP/1.1\r\n\r\n"));
                    assertThat(readAll(c)).endsWith("\r\n\r\nbye"); // then the end of the stream
                    assertThatThrownBy(() -> c.reader().readExactly(1)).isInstanceOf(IncompleteReadException.class);
                }
            }
        });
    }

    @Test
    void aReplayServerSpeaksTls() {
        Aio.run(() -> {
            ServerTls tls = ServerTls.fromPem(TestCerts.pem("good"), TestCerts.key("good"));
            try (ReplayServer server = ReplayServer.builder().tls(tls)
                    .onEveryConnection(s -> s.expectRequest().send("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret")
                            .close())
                    .start()) {
                assertThat(server.url("/")).startsWith("https://127.0.0.1:");
                try (Connection c = Net.openConnection("localhost", server.port(), ConnectOptions.defaults()
                        .withTls(ClientTls.trusting(TestCerts.pem("ca"))))) {
                    c.writer().write(ascii("GET /tls HTTP/1.1\r\nHost: localhost\r\n\r\n"));
                    assertThat(readAll(c)).endsWith("\r\n\r\nsecret");
                }
                assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.target()).isEqualTo("/tls"));
            }
        });
    }
}
