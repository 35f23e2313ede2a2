package io.aio4j.testing.http;

import static io.aio4j.testing.http.PeerTesting.connect;
import static io.aio4j.testing.http.PeerTesting.exchange;
import static io.aio4j.testing.http.PeerTesting.latin1;
import static io.aio4j.testing.http.PeerTesting.runChecked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.net.Connection;
import io.aio4j.queue.QueueShutDownException;
import java.net.ProtocolException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link MockServer}: queued responses, recorded requests, keep-alive, and what ends a connection. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MockServerTest {

    @Test
    void answersInQueueOrderOnAKeptAliveConnectionAndRecords() {
        runChecked(() -> {
            try (MockServer server = MockServer.start()) {
                server.enqueue(new MockResponse().header("Content-Type", "text/plain").body("one"));
                server.enqueue(new MockResponse().status(201, "Created").body("two, chunked").chunked(5));
                try (Connection c = connect(server.port())) {
                    String got = exchange(c, "GET /1 HTTP/1.1\r\n\r\n"
                            + "POST /2 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
                            + "GET /3 HTTP/1.1\r\nConnection: close\r\n\r\n");
                    assertThat(got).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\none"
                            + "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5\r\ntwo, \r\n5\r\nchunk\r\n2\r\ned\r\n0\r\n\r\n"
                            + "HTTP/1.1 404 Not Found\r\nContent-Length: 20\r\n\r\nno response enqueued");
                }
                assertThat(server.takeRequest().target()).isEqualTo("/1");
                RecordedRequest second = server.takeRequest();
                assertThat(second.bodyText()).isEqualTo("hi");
                assertThat(second.sequence()).isEqualTo(1);
                assertThat(second.connection()).isZero();
                assertThat(server.takeRequest().header("connection")).isEqualTo("close");
                assertThat(server.requestCount()).isEqualTo(3);
                assertThat(server.connectionCount()).isEqualTo(1);
                assertThat(server.url("/p")).isEqualTo("http://127.0.0.1:" + server.port() + "/p");
            }
        });
    }

    @Test
    void theDefaultResponseCanBeReplaced() {
        runChecked(() -> {
            try (MockServer server = MockServer.start()) {
                server.defaultResponse(new MockResponse().status(204, "No Content"));
                try (Connection c = connect(server.port())) {
                    assertThat(exchange(c, "GET / HTTP/1.1\r\n\r\nGET / HTTP/1.0\r\n\r\n"))
                            .as("no Content-Length on a 204; HTTP/1.0 without keep-alive closes")
                            .isEqualTo("HTTP/1.1 204 No Content\r\n\r\n".repeat(2));
                }
            }
        });
    }

    @Test
    void anHttp10ClientAskingForKeepAliveKeepsTheConnection() {
        runChecked(() -> {
            try (MockServer server = MockServer.start()) {
                try (Connection c = connect(server.port())) {
                    c.writer().write(latin1("GET /a HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"));
                    c.reader().readUntil(latin1("enqueued"));
                    c.writer().write(latin1("GET /b HTTP/1.1\r\n\r\n"));
                    c.reader().readUntil(latin1("enqueued"));
                }
                assertThat(server.connectionCount()).isEqualTo(1);
                assertThat(server.requestCount()).isEqualTo(2);
            }
        });
    }

    @Test
    void aHeadRequestGetsTheHeadAlone() {
        runChecked(() -> {
            try (MockServer server = MockServer.start()) {
                server.enqueue(new MockResponse().body("body of HEAD"));
                server.enqueue(new MockResponse().body("next"));
                try (Connection c = connect(server.port())) {
                    assertThat(exchange(c, "HEAD / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\n"))
                            .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n"
                                    + "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");
                }
            }
        });
    }

    @Test
    void expectContinueGetsA100BeforeTheBodyIsRead() {
        runChecked(() -> {
            try (MockServer server = MockServer.start()) {
                server.enqueue(new MockResponse().body("got it"));
                try (Connection c = connect(server.port())) {
                    c.writer().write(latin1("PUT / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"));
                    assertThat(latin1(c.reader().readUntil(latin1("\r\n\r\n")))).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
                    c.writer().write(latin1("data"));
                    assertThat(latin1(c.reader().readUntil(latin1("got it")))).startsWith("HTTP/1.1 200 OK");
                }
                assertThat(server.takeRequest().bodyText()).isEqualTo("data");
            }
        });
    }

    // Lower bounds only: the delays must not end early.
    @Test
    void headAndBodyDelaysHoldTheResponseBack() {
        runChecked(() -> {
            Duration head = Duration.ofMillis(60);
            Duration body = Duration.ofMillis(40);
            try (MockServer server = MockServer.start()) {
                server.enqueue(new MockResponse().body("late").headDelay(head).bodyDelay(body));
                try (Connection c = connect(server.port())) {
                    long sent = Aio.getRunningLoop().time();
                    c.writer().write(latin1("GET / HTTP/1.1\r\n\r\n"));
                    c.reader().readUntil(latin1("\r\n\r\n"));
                    assertThat(Duration.ofNanos(Aio.getRunningLoop().time() - sent)).isGreaterThanOrEqualTo(head);
                    assertThat(latin1(c.reader().readExactly(4))).isEqualTo("late");
                    assertThat(Duration.ofNanos(Aio.getRunningLoop().time() - sent)).isGreaterThanOrEqualTo(head.plus(body));
                }
            }
        });
    }

    @Test
    void takeRequestWithATimeoutGivesNullWhenNoneCame() {
        runChecked(() -> {
            try (MockServer server = MockServer.start()) {
                assertThat(server.takeRequest(Duration.ofMillis(20))).isNull();
                try (Connection c = connect(server.port())) {
                    c.writer().write(latin1("GET /late HTTP/1.1\r\n\r\n"));
                    assertThat(server.takeRequest(Duration.ofSeconds(10)).target()).isEqualTo("/late");
                }
            }
        });
    }

    @Test
    void afterCloseTheRequestsLeftCanBeTakenThenTakingThrows() {
        runChecked(() -> {
            MockServer server = MockServer.start();
            try (Connection c = connect(server.port())) {
                exchange(c, "GET /left HTTP/1.1\r\nConnection: close\r\n\r\n");
            }
            server.close();
            assertThat(server.takeRequest().target()).isEqualTo("/left");
            assertThatThrownBy(server::takeRequest).isInstanceOf(QueueShutDownException.class);
            PeerTesting.assertClosedCompletely(server.loopback());
        });
    }

    @Test
    void aMalformedRequestFailsTheServerAtClose() {
        runChecked(() -> {
            MockServer server = MockServer.start();
            try (Connection c = connect(server.port())) {
                assertThat(exchange(c, "GET / HTTP/1.1\r\nContent-Length: 1,2\r\n\r\n")).isEmpty();
            }
            assertThatThrownBy(server::close).isInstanceOf(AssertionError.class)
                    .cause().isInstanceOf(ProtocolException.class).hasMessageContaining("bad Content-Length: 1,2");
            assertThat(server.requestCount()).isZero();
        });
    }
}
