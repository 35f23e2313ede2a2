package io.aio4j.http.client;

import static io.aio4j.http.client.RawHttp.ascii;
import static io.aio4j.http.client.RawHttp.readRequest;
import static io.aio4j.http.client.RawHttp.response;
import static io.aio4j.http.client.RawHttp.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import io.aio4j.http.ClientConnectorDnsException;
import io.aio4j.http.ClientConnectorException;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientResponseException;
import io.aio4j.http.ClientSession;
import io.aio4j.http.ClientTimeout;
import io.aio4j.http.ConnectionTimeoutException;
import io.aio4j.http.ServerDisconnectedException;
import io.aio4j.http.ServerTimeoutException;
import io.aio4j.http.SocketReadTimeoutException;
import io.aio4j.http.TcpConnector;
import io.aio4j.http.internal.client.Session;
import io.aio4j.net.Resolvers;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The faults of HTTP-RELIABILITY.md §3 that a scripted plain-TCP server can inject, each with the
 * exact exception type, and with the session's connections all closed at the end (F39).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientFaultsTest {

    /** A test body, given the running server's URL and a session. */
    interface Body {
        void run(String url, ClientSession s) throws Exception;
    }

    /**
     * Starts the server and a session in a fresh loop, runs the body, closes both, and checks that
     * the session left no connection open (F39).
     */
    static void run(ConnectionHandler handler, ClientSession.Builder b, Body body) {
        Aio.run(() -> {
            Server server = RawHttp.start(handler);
            ClientSession s = b.build();
            try {
                body.run(url(server, "/"), s);
            } finally {
                s.close();
                server.close();
            }
            assertThat(((Session) s).openConnections()).as("F39: connections left open").isZero();
        });
    }

    static void run(ConnectionHandler handler, Body body) {
        run(handler, ClientSession.builder(), body);
    }

    /** Answers every request on a connection with the given bytes; closes after the first if asked. */
    static ConnectionHandler answering(byte[] bytes, boolean closeAfter) {
        return (r, w) -> {
            while (readRequest(r) != null) {
                w.write(bytes);
                w.drain();
                if (closeAfter) {
                    return;
                }
            }
        };
    }

    // F1
    @Test
    void aRefusedConnectionIsAConnectorError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        run(answering(new byte[0], true), (url, s) -> assertThatThrownBy(() -> s.get("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(ClientConnectorException.class)
                .hasMessageStartingWith("Cannot connect to host 127.0.0.1:" + port + " ssl:False"));
    }

    @Test
    void anUnknownHostIsADnsError() {
        run(answering(new byte[0], true), ClientSession.builder().connector(TcpConnector.defaults()
                .withResolver(Resolvers.mappingLiterals(Map.of("known.test", "127.0.0.1"), host -> {
                    throw new UnknownHostException(host + ": no such host");
                }))), (url, s) -> assertThatThrownBy(() -> s.get("https://invalid_url/"))
                        .isInstanceOf(ClientConnectorDnsException.class)
                        .hasMessageStartingWith("Cannot connect to host invalid_url:443 ssl:default"));
    }

    // F2: a server whose accept queue is full never finishes the handshake; the connect timeout fires.
    @Test
    void aConnectThatNeverCompletesIsAConnectionTimeout() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Fill the accept queue (backlog 1) with connections nobody accepts; Linux then drops new SYNs.
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket f = new Socket();
                    try {
                        f.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(f);
                    } catch (IOException e) {
                        f.close(); // the queue is full already
                    }
                }
                run(answering(new byte[0], true), ClientSession.builder().timeout(ClientTimeout.DEFAULT
                        .withSockConnect(Duration.ofMillis(300))), (url, s) -> assertThatThrownBy(
                                () -> s.get("http://127.0.0.1:" + full.getLocalPort() + "/"))
                                .isInstanceOf(ConnectionTimeoutException.class));
            } finally {
                for (Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    // F4
    @Test
    void aServerThatNeverAnswersTripsTheReadTimeout() {
        run((r, w) -> {
            readRequest(r);
            r.read(-1); // never answers
        }, ClientSession.builder().timeout(ClientTimeout.DEFAULT.withSockRead(Duration.ofMillis(200))), (url, s) -> {
            assertThatThrownBy(() -> s.get(url)).isInstanceOf(SocketReadTimeoutException.class)
                    .hasMessageContaining("Timeout on reading data from socket");
            assertThat(((Session) s).idleConnections()).as("a timed-out connection is not pooled").isZero();
        });
    }

    @Test
    void theTotalTimeoutIsAServerTimeout() {
        run((r, w) -> {
            readRequest(r);
            r.read(-1);
        }, ClientSession.builder().timeout(ClientTimeout.none().withTotal(Duration.ofMillis(200))),
                (url, s) -> assertThatThrownBy(() -> s.get(url)).isExactlyInstanceOf(ServerTimeoutException.class));
    }

    // F5 and F6: the read timer restarts at every byte.
    @Test
    void aStallBetweenChunksTimesOutButASteadyTrickleDoesNot() {
        run((r, w) -> {
            RawHttp.Request req;
            while ((req = readRequest(r)) != null) {
                w.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n"));
                boolean stall = req.requestLine().contains("/stall");
                for (int i = 0; i < 6; i++) {
                    w.write(ascii("x"));
                    w.drain();
                    Aio.sleep(Duration.ofMillis(stall && i == 2 ? 1500 : 60));
                }
            }
        }, ClientSession.builder().timeout(ClientTimeout.DEFAULT.withSockRead(Duration.ofMillis(500))), (url, s) -> {
            try (ClientResponse r = s.get(url + "steady")) {
                assertThat(r.text()).isEqualTo("xxxxxx");
            }
            try (ClientResponse r = s.get(url + "stall")) {
                assertThatThrownBy(r::read).isInstanceOf(SocketReadTimeoutException.class);
            }
        });
    }

    // F7
    @Test
    void aCloseBeforeAnyResponseByteIsServerDisconnected() {
        run((r, w) -> readRequest(r),
                (url, s) -> assertThatThrownBy(() -> s.get(url)).isInstanceOf(ServerDisconnectedException.class));
    }

    // F8
    @Test
    void aStalePooledConnectionIsRetriedOnceForAGetButNotForAPost() {
        AtomicInteger connections = new AtomicInteger();
        run((r, w) -> {
            int n = connections.incrementAndGet();
            readRequest(r);
            w.write(response(200, "OK", "first on " + n));
            w.drain();
            // The server closes the kept-alive connection without saying so, as the next request comes.
            readRequest(r);
        }, (url, s) -> {
            assertThat(s.get(url).text()).isEqualTo("first on 1");
            assertThat(s.get(url).text()).as("retried on a new connection").isEqualTo("first on 2");
            assertThatThrownBy(() -> s.post(url, q -> q.text("x")))
                    .as("a POST is not resent").isInstanceOf(ServerDisconnectedException.class);
            assertThat(s.get(url).text()).isEqualTo("first on 3");
            assertThat(connections).hasValue(3);
        });
    }

    // F9
    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 2\r\n\r\nok"})
    void aResponseThatClosesIsNotPooled(String raw) {
        run(answering(ascii(raw), false), (url, s) -> {
            assertThat(s.get(url).text()).isEqualTo("ok");
            assertThat(((Session) s).idleConnections()).isZero();
        });
    }

    // F10, F12
    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nhalf\r\n"})
    void aBodyCutShortIsAPayloadErrorAfterTheBytesThatCame(String raw) {
        run(answering(ascii(raw), true), (url, s) -> {
            try (ClientResponse r = s.get(url)) {
                assertThat(new String(r.content().readAny())).isEqualTo("half");
                assertThatThrownBy(() -> r.content().readAny()).isInstanceOf(ClientPayloadException.class)
                        .hasMessageContaining("not completed");
            }
        });
    }

    // F13, F16-F21, F25: malformed responses
    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 -1 Bad\r\n\r\n", "HTTP/1.1 2 OK\r\n\r\n", "HTTP/1.2 200 OK\r\n\r\n",
        "garbage\r\n\r\n", "HTTP/1.1 200 OK\r\nNo-Colon\r\n\r\n", "HTTP/1.1 200 OK\r\nA\0: b\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 1,2\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 9a\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "HTTP/1.1 200 OK\r\nA: b\rc\r\n\r\n"})
    void aMalformedHeadIsAResponseError(String raw) {
        run(answering(ascii(raw), false), (url, s) -> assertThatThrownBy(() -> s.get(url))
                .isInstanceOf(ClientResponseException.class).hasMessageContaining("400"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ILLEGAL", "FFFFFFFFFFFFFFFFF", "0x", "0_2e"})
    void aBadChunkSizeIsAPayloadError(String size) {
        run(answering(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\nabc\r\n"), false),
                (url, s) -> {
                    try (ClientResponse r = s.get(url)) {
                        assertThatThrownBy(r::read).isInstanceOf(ClientPayloadException.class);
                    }
                });
    }

    @Test
    void anOversizedHeadIsRefused() {
        run(answering(ascii("HTTP/1.1 200 OK\r\nX: " + "a".repeat(9000) + "\r\n\r\n"), false),
                (url, s) -> assertThatThrownBy(() -> s.get(url)).isInstanceOf(ClientResponseException.class));
    }

    // F26: bytes after a complete response are never read as the next response.
    @Test
    void extraBytesAfterTheBodyDiscardTheConnection() {
        AtomicInteger connections = new AtomicInteger();
        run((r, w) -> {
            connections.incrementAndGet();
            while (readRequest(r) != null) {
                w.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfake!"));
                w.drain();
            }
        }, (url, s) -> {
            assertThat(s.get(url).text()).isEqualTo("ok");
            assertThat(s.get(url).text()).isEqualTo("ok");
            assertThat(connections).as("a new connection for the second request").hasValue(2);
        });
    }

    // F23
    @ParameterizedTest
    @ValueSource(strings = {"204 No Content", "304 Not Modified"})
    void aBodyOnANoBodyStatusIsNotRead(String status) {
        List<String> seen = new CopyOnWriteArrayList<>();
        run((r, w) -> {
            RawHttp.Request req;
            while ((req = readRequest(r)) != null) {
                seen.add(req.requestLine());
                w.write(ascii(seen.size() == 1 ? "HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext"));
                w.drain();
            }
        }, (url, s) -> {
            try (ClientResponse r = s.get(url)) {
                assertThat(r.read()).isEmpty();
            }
            assertThat(s.get(url).text()).isEqualTo("next");
        });
    }

    // F24
    @Test
    void interimResponsesAreSkipped() {
        run(answering(ascii("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), false),
                (url, s) -> assertThat(s.get(url).text()).isEqualTo("ok"));
    }

    @Test
    void aContinueThenCloseIsServerDisconnected() {
        run(answering(ascii("HTTP/1.1 100 Continue\r\n\r\n"), true),
                (url, s) -> assertThatThrownBy(() -> s.get(url)).isInstanceOf(ServerDisconnectedException.class));
    }

    // F38
    @Test
    void cancellingARequestClosesItsConnection() {
        run((r, w) -> {
            readRequest(r);
            w.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"));
            w.drain();
            r.read(-1);
        }, (url, s) -> {
            Task<byte[]> t = Aio.createTask(() -> s.get(url).read());
            Aio.sleep(Duration.ofMillis(100));
            t.cancel();
            assertThatThrownBy(() -> Aio.await(t)).isInstanceOf(CancelledError.class);
            Aio.sleep(Duration.ofMillis(50));
            assertThat(((Session) s).openConnections()).as("the cancelled request's connection is closed").isZero();
        });
    }
}
