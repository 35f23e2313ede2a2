package io.aio4j.testing.http;

import static io.aio4j.testing.http.PeerTesting.connect;
import static io.aio4j.testing.http.PeerTesting.exchange;
import static io.aio4j.testing.http.PeerTesting.latin1;
import static io.aio4j.testing.http.PeerTesting.runChecked;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import io.aio4j.net.Connection;
import io.aio4j.testing.http.MockResponse.SocketPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each {@link SocketPolicy} of a {@link MockResponse}, seen from a raw client. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MockServerSocketPolicyTest {
    private static final String GET = "GET / HTTP/1.1\r\n\r\n";

    @Test
    void keepOpenServesTheNextRequestOnTheSameConnection() {
        runChecked(() -> {
            try (MockServer server = MockServer.start(); Connection c = connect(server.port())) {
                server.enqueue(new MockResponse().body("a").socketPolicy(SocketPolicy.KEEP_OPEN));
                server.enqueue(new MockResponse().body("b"));
                c.writer().write(latin1(GET));
                assertThat(latin1(c.reader().readUntil(latin1("\r\n\r\na")))).startsWith("HTTP/1.1 200 OK");
                c.writer().write(latin1(GET));
                assertThat(latin1(c.reader().readUntil(latin1("\r\n\r\nb")))).startsWith("HTTP/1.1 200 OK");
                assertThat(server.connectionCount()).isEqualTo(1);
            }
        });
    }

    @Test
    void disconnectAfterRequestClosesWithoutAByte() {
        runChecked(() -> {
            try (MockServer server = MockServer.start(); Connection c = connect(server.port())) {
                server.enqueue(new MockResponse().body("never").socketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
                assertThat(exchange(c, GET)).isEmpty();
                assertThat(server.takeRequest().method()).isEqualTo("GET");
            }
        });
    }

    @Test
    void noResponseReadsTheRequestAndHoldsTheConnectionUntilClose() {
        runChecked(() -> {
            MockServer server = MockServer.start();
            try (Connection c = connect(server.port())) {
                server.enqueue(new MockResponse().socketPolicy(SocketPolicy.NO_RESPONSE));
                c.writer().write(latin1(GET));
                assertThat(server.takeRequest().target()).isEqualTo("/");
                assertThat(Aio.withTimeoutOrNull(Duration.ofMillis(50), () -> c.reader().read(1))).as("no answer").isNull();
                server.close();
            }
            PeerTesting.assertClosedCompletely(server.loopback());
        });
    }

    @Test
    void disconnectDuringResponseBodySendsHalfTheBody() {
        runChecked(() -> {
            try (MockServer server = MockServer.start(); Connection c = connect(server.port())) {
                server.enqueue(new MockResponse().body("0123456789").socketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
                assertThat(exchange(c, GET)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234");
            }
        });
    }

    @Test
    void shutdownOutputAtEndEndsTheStreamAndStillReads() {
        runChecked(() -> {
            MockServer server = MockServer.start();
            try (Connection c = connect(server.port())) {
                server.enqueue(new MockResponse().body("bye").socketPolicy(SocketPolicy.SHUTDOWN_OUTPUT_AT_END));
                assertThat(exchange(c, GET)).endsWith("\r\n\r\nbye");
                c.writer().write(new byte[16 << 20]);
                c.writer().drain(); // more than the sockets buffer: done only because the server still reads
            }
            assertThat(server.requestCount()).as("the bytes after the response are no request").isEqualTo(1);
            server.close();
            PeerTesting.assertClosedCompletely(server.loopback());
        });
    }

    @Test
    void disconnectAtEndSendsTheResponseThenCloses() {
        runChecked(() -> {
            try (MockServer server = MockServer.start(); Connection c = connect(server.port())) {
                server.enqueue(new MockResponse().body("last").socketPolicy(SocketPolicy.DISCONNECT_AT_END));
                assertThat(exchange(c, GET)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlast");
                assertThat(server.takeRequest().header("Connection")).isNull();
            }
        });
    }
}
