package io.aio4j.testing.http;

import static io.aio4j.testing.http.PeerTesting.connect;
import static io.aio4j.testing.http.PeerTesting.exchange;
import static io.aio4j.testing.http.PeerTesting.latin1;
import static io.aio4j.testing.http.PeerTesting.runChecked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.Connection;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each step of a {@link ReplayScript}, seen from a raw client: aio4j streams, or a blocking socket. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayServerStepsTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    /**
     * Sends part of a body, then resets once the client's second request says that it read the part:
     * a reset arriving before the part was read could drop it from the client's socket buffer.
     */
    private static final Consumer<ReplayScript> RESET_AFTER_PART = s -> s.expectRequest()
            .send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart").expectRequest().rst();

    @Test
    void expectRequestRecordsTheParsedRequestAndItsRawBytes() {
        runChecked(() -> {
            String get = "GET /a?b=c HTTP/1.1\r\nHost: x\r\nAccept:  */*  \r\nX-Twice: 1\r\nx-twice: 2\r\n\r\n";
            String post = "POST /up HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello";
            String chunked = "PUT /c HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                    + "3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\n";
            try (ReplayServer server = ReplayServer.builder()
                    .onConnection(s -> s.expectRequest().expectRequest().expectRequest().send(OK).close())
                    .start(); Connection c = connect(server.port())) {
                assertThat(exchange(c, get + post + chunked)).isEqualTo(OK);

                assertThat(server.requests()).extracting(RecordedRequest::rawText).containsExactly(get, post, chunked);
                RecordedRequest first = server.requests().getFirst();
                assertThat(first.method()).isEqualTo("GET");
                assertThat(first.target()).isEqualTo("/a?b=c");
                assertThat(first.version()).isEqualTo("HTTP/1.1");
                assertThat(first.header("accept")).as("value without the whitespace around it").isEqualTo("*/*");
                assertThat(first.headers("X-TWICE")).containsExactly("1", "2");
                assertThat(first.body()).isEmpty();
                assertThat(server.requests().get(1).bodyText()).isEqualTo("hello");
                RecordedRequest third = server.requests().get(2);
                assertThat(third.bodyText()).as("chunks joined, extension and trailer dropped").isEqualTo("abc0123456789");
                assertThat(server.requests()).extracting(RecordedRequest::sequence).containsExactly(0, 1, 2);
            }
        });
    }

    @Test
    void sendWritesBytesAndTextAsGiven() {
        runChecked(() -> {
            byte[] binary = {0, (byte) 0xff, '\r', '\n'};
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(s -> s.send(binary).send("caf\u00e9").close()).start();
                    Connection c = connect(server.port())) {
                assertThat(c.reader().read(-1)).containsExactly(0, 0xff, '\r', '\n', 'c', 'a', 'f', 0xe9);
                assertThat(server.requests()).isEmpty();
            }
        });
    }

    // A lower bound only (HTTP-RELIABILITY.md §2.4): the sleep must not end early.
    @Test
    void sleepHoldsTheNextStepBackForItsDuration() {
        runChecked(() -> {
            Duration nap = Duration.ofMillis(100);
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(s -> s.expectRequest().sleep(nap).send(OK).close()).start();
                    Connection c = connect(server.port())) {
                long sent = Aio.getRunningLoop().time();
                assertThat(exchange(c, "GET / HTTP/1.1\r\n\r\n")).isEqualTo(OK);
                assertThat(Duration.ofNanos(Aio.getRunningLoop().time() - sent)).isGreaterThanOrEqualTo(nap);
            }
        });
    }

    // A lower bound only: the stream cannot end before the four pauses (pieces of 3, 3, 3, 1 bytes).
    @Test
    void sendThrottledDeliversEveryPieceWithAPauseAfterEach() {
        runChecked(() -> {
            Duration gap = Duration.ofMillis(30);
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(s -> s.sendThrottled("0123456789", 3, gap).close()).start()) {
                long start = Aio.getRunningLoop().time();
                try (Connection c = connect(server.port())) {
                    assertThat(latin1(c.reader().read(-1))).isEqualTo("0123456789");
                }
                assertThat(Duration.ofNanos(Aio.getRunningLoop().time() - start)).isGreaterThanOrEqualTo(gap.multipliedBy(4));
            }
        });
        assertThatThrownBy(() -> ReplayServer.builder().onEveryConnection(s -> s.sendThrottled("x", 0, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeEndsTheStreamAfterWhatWasSent() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(s -> s.expectRequest().send(OK).close()).start();
                    Connection c = connect(server.port())) {
                assertThat(exchange(c, "GET / HTTP/1.1\r\n\r\n")).isEqualTo(OK);
                assertThat(c.reader().atEof()).isTrue();
            }
        });
    }

    @Test
    void aScriptThatRunsOutOfStepsClosesTheConnection() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder().onEveryConnection(s -> s.send(OK)).start();
                    Connection c = connect(server.port())) {
                assertThat(latin1(c.reader().read(-1))).isEqualTo(OK);
            }
        });
    }

    @Test
    void rstResetsTheConnectionOfAnAio4jClient() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(RESET_AFTER_PART)
                    .start(); Connection c = connect(server.port())) {
                c.writer().write(latin1("GET / HTTP/1.1\r\n\r\n"));
                assertThat(latin1(c.reader().readUntil(latin1("part")))).endsWith("\r\n\r\npart");
                c.writer().write(latin1("GET /read-it HTTP/1.1\r\n\r\n"));
                assertThatThrownBy(() -> c.reader().read(-1)).isInstanceOf(BrokenResourceException.class);
            }
        });
    }

    // SO_LINGER 0 seen by the JDK's blocking socket: "Connection reset", not the end of the stream.
    @Test
    void rstResetsTheConnectionOfABlockingSocket() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(RESET_AFTER_PART)
                    .start()) {
                int port = server.port();
                String before = Aio.toThread(() -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        OutputStream out = socket.getOutputStream();
                        out.write(latin1("GET / HTTP/1.1\r\n\r\n"));
                        InputStream in = socket.getInputStream();
                        StringBuilder got = new StringBuilder();
                        while (!got.toString().endsWith("part")) {
                            got.append((char) in.read());
                        }
                        out.write(latin1("GET /read-it HTTP/1.1\r\n\r\n"));
                        assertThatThrownBy(() -> in.read()).isInstanceOf(SocketException.class)
                                .hasMessageContaining("reset");
                        return got.toString();
                    }
                });
                assertThat(before).startsWith("HTTP/1.1 200 OK");
            }
        });
    }

    @Test
    void shutdownOutputHalfClosesAndTheScriptGoesOnReading() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder()
                    .onEveryConnection(s -> s.expectRequest().send(OK).shutdownOutput().expectRequest().stall())
                    .start(); Connection c = connect(server.port())) {
                assertThat(exchange(c, "GET /1 HTTP/1.1\r\n\r\n")).isEqualTo(OK);
                c.writer().write(latin1("GET /2 HTTP/1.1\r\n\r\n")); // the client's side is still open
                assertThat(server.awaitRequests(2, Duration.ofSeconds(10))).extracting(RecordedRequest::target)
                        .containsExactly("/1", "/2");
            }
        });
    }

    @Test
    void stallReadsAndDropsWithoutAnswering() {
        runChecked(() -> {
            try (ReplayServer server = ReplayServer.builder().start(); Connection c = connect(server.port())) {
                c.writer().write(new byte[16 << 20]);
                c.writer().drain(); // more than the sockets buffer: done only because the server reads
                assertThat(Aio.withTimeoutOrNull(Duration.ofMillis(50), () -> c.reader().read(1)))
                        .as("no answer comes").isNull();
                server.close();
                assertThat(Aio.withTimeoutOrNull(Duration.ofSeconds(10), () -> {
                    try {
                        return c.reader().read(-1).length;
                    } catch (BrokenResourceException e) {
                        return -1; // reset by the closing server
                    }
                })).as("the server's close ends the stall").isNotNull().isLessThanOrEqualTo(0);
            }
        });
    }
}
