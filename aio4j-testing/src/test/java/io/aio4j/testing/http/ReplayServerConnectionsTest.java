package io.aio4j.testing.http;

import static io.aio4j.testing.http.PeerTesting.connect;
import static io.aio4j.testing.http.PeerTesting.exchange;
import static io.aio4j.testing.http.PeerTesting.latin1;
import static io.aio4j.testing.http.PeerTesting.runChecked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.aio4j.Aio;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.Connection;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@link ReplayServer}'s connections: which script each runs, what is counted, and what close() leaves. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayServerConnectionsTest {

    @Test
    void scriptsGoToConnectionsInAcceptOrderAndTheDefaultToTheRest() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onConnection(s -> s.send("first"))
                    .onConnection(s -> s.send("second"))
                    .onConnection(3, s -> s.send("fourth"))
                    .onEveryConnection(s -> s.send("default"))
                    .start()) {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    try (Connection c = connect(server.port())) {
                        got.add(latin1(c.reader().read(-1)));
                    }
                }
                assertThat(got).containsExactly("first", "second", "default", "fourth", "default");
                assertThat(server.connectionCount()).isEqualTo(5);
            }
        });
    }

    @Test
    void requestsAreRecordedWithTheirConnectionAndCounted() {
        runChecked(() -> {
            String ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
            try (ReplayServer server = ReplayServer.builder()
                    .onConnection(s -> s.expectRequest().send(ok).expectRequest().send(ok).close())
                    .onEveryConnection(s -> s.expectRequest().send(ok).close())
                    .start()) {
                try (Connection c = connect(server.port())) {
                    assertThat(exchange(c, "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n")).isEqualTo(ok + ok);
                }
                try (Connection c = connect(server.port())) {
                    assertThat(exchange(c, "GET /c HTTP/1.1\r\n\r\n")).isEqualTo(ok);
                }
                assertThat(server.connectionCount()).isEqualTo(2);
                assertThat(server.requestCount()).isEqualTo(3);
                assertThat(server.requests(0)).extracting(RecordedRequest::target, RecordedRequest::sequence)
                        .containsExactly(tuple("/a", 0), tuple("/b", 1));
                assertThat(server.requests(1)).singleElement()
                        .satisfies(r -> assertThat(r.connection()).isEqualTo(1))
                        .satisfies(r -> assertThat(r.sequence()).isZero());
                assertThat(server.requests(2)).isEmpty();
                assertThat(server.url("/x")).isEqualTo("http://127.0.0.1:" + server.port() + "/x");
                assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
            }
        });
    }

    // runChecked checks that no task and no socket is left; here the scripts are mid-sleep and mid-stall.
    @Test
    void closeEndsRunningScriptsAndThePortRefusesAfterwards() {
        runChecked(() -> {
            ReplayServer server = ReplayServer.builder()
                    .onConnection(s -> s.expectRequest().sleep(Duration.ofHours(1)).send("never"))
                    .onEveryConnection(ReplayScript::stall)
                    .start();
            int port = server.port();
            try (Connection sleeping = connect(port); Connection stalled = connect(port)) {
                sleeping.writer().write(latin1("GET / HTTP/1.1\r\n\r\n"));
                server.awaitRequests(1, Duration.ofSeconds(10));
                server.close();
                server.close(); // idempotent
                for (Connection c : List.of(sleeping, stalled)) {
                    assertThat(Aio.withTimeoutOrNull(Duration.ofSeconds(10), () -> readsNothingMore(c)))
                            .as("the connection ended").isTrue();
                }
            }
            PeerTesting.assertClosedCompletely(server.loopback());
        });
    }

    private static boolean readsNothingMore(Connection c) throws IOException {
        try {
            return c.reader().read(-1).length == 0;
        } catch (BrokenResourceException e) {
            return true; // reset by the closing server
        }
    }

    @Test
    void aMalformedRequestFailsTheServerAtClose() {
        runChecked(() -> {
            ReplayServer server = ReplayServer.builder().onEveryConnection(s -> s.expectRequest().send("unreachable")).start();
            try (Connection c = connect(server.port())) {
                assertThat(exchange(c, "GET /\r\n\r\n")).as("the script stopped at the bad request").isEmpty();
            }
            assertThatThrownBy(server::close).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ReplayServer could not serve as scripted")
                    .cause().isInstanceOf(ProtocolException.class).hasMessageContaining("malformed request line");
            assertThat(server.requests()).isEmpty();
        });
    }

    @Test
    void aClientThatLeavesBeforeItsRequestIsNoFailure() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder().onEveryConnection(s -> s.expectRequest().send("x")).start()) {
                connect(server.port()).close();
                try (Connection c = connect(server.port())) {
                    c.writer().write(latin1("GET / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort"));
                    c.writer().writeEof(); // the body ends early
                    assertThat(c.reader().read(-1)).isEmpty();
                }
                assertThat(server.connectionCount()).isEqualTo(2);
                assertThat(server.requests()).isEmpty();
            }
        });
    }

    @Test
    void startingOutsideATaskIsRefused() {
        assertThatThrownBy(() -> ReplayServer.builder().start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a task of a running event loop");
        assertThatThrownBy(MockServer::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void awaitRequestsFailsWhenTooFewCome() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder().start()) {
                assertThatThrownBy(() -> server.awaitRequests(1, Duration.ofMillis(20)))
                        .isInstanceOf(AssertionError.class).hasMessageContaining("expected 1 request(s)");
            }
        });
    }
}
