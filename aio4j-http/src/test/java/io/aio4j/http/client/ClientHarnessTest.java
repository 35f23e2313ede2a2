package io.aio4j.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.http.ServerDisconnectedException;
import io.aio4j.http.internal.client.Session;
import io.aio4j.testing.http.MockResponse;
import io.aio4j.testing.http.MockServer;
import io.aio4j.testing.http.RecordedRequest;
import io.aio4j.testing.http.ReplayServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against aio4j-testing's replay and mock servers: connection reuse and the faults they script. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientHarnessTest {

    // F8 with a script per connection: the first connection answers once, then closes when the second
    // request comes; the GET is retried on connection 1, the POST is not.
    @Test
    void aStaleConnectionIsRetriedOnAFreshOneOnlyWhenSafe() {
        Aio.run(() -> {
            String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            try (ReplayServer server = ReplayServer.builder()
                    .onConnection(0, s -> s.expectRequest().send(ok).expectRequest().close())
                    .onConnection(1, s -> s.expectRequest().send(ok).expectRequest().close())
                    .onEveryConnection(s -> s.expectRequest().send(ok).stall())
                    .start();
                    ClientSession session = ClientSession.create()) {
                assertThat(session.get(server.url("/a")).text()).isEqualTo("ok");
                assertThat(session.get(server.url("/b")).text()).isEqualTo("ok");
                assertThat(server.connectionCount()).isEqualTo(2);
                assertThatThrownBy(() -> session.post(server.url("/c"), q -> q.text("once")))
                        .isInstanceOf(ServerDisconnectedException.class);
                assertThat(server.requests()).extracting(RecordedRequest::target).containsExactly("/a", "/b", "/b", "/c");
                session.close();
                assertThat(((Session) session).openConnections()).isZero();
            }
        });
    }

    // F6: a slow but steady body succeeds under a sock-read timeout longer than each gap.
    @Test
    void aThrottledBodyKeepsTheReadTimerAlive() {
        Aio.run(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(s -> s.expectRequest().sendThrottled(
                            "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n" + "x".repeat(20), 4, Duration.ofMillis(40)).stall())
                    .start();
                    ClientSession session = ClientSession.builder().timeout(io.aio4j.http.ClientTimeout.DEFAULT
                            .withSockRead(Duration.ofMillis(300))).build()) {
                assertThat(session.get(server.url("/")).text()).isEqualTo("x".repeat(20));
            }
        });
    }

    @Test
    void mockResponsesInOrderWithTheirPolicies() {
        Aio.run(() -> {
            try (MockServer server = MockServer.start(); ClientSession session = ClientSession.create()) {
                server.enqueue(new MockResponse().header("Content-Type", "application/json").body("{\"n\":1}"));
                server.enqueue(new MockResponse().body("chunked body").chunked(3));
                server.enqueue(new MockResponse().body("0123456789")
                        .socketPolicy(MockResponse.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
                try (ClientResponse r = session.get(server.url("/json"), q -> q.header("X-Id", "7"))) {
                    assertThat(r.json(java.util.Map.class)).containsEntry("n", 1);
                }
                assertThat(session.get(server.url("/chunked")).text()).isEqualTo("chunked body");
                try (ClientResponse r = session.get(server.url("/cut"))) {
                    assertThatThrownBy(r::read).isInstanceOf(ClientPayloadException.class); // F10
                }
                RecordedRequest first = server.takeRequest();
                assertThat(first.target()).isEqualTo("/json");
                assertThat(first.header("X-Id")).isEqualTo("7");
                assertThat(server.takeRequest().sequence()).as("keep-alive").isEqualTo(1);
                assertThat(server.connectionCount()).isEqualTo(1);
            }
        });
    }
}
