package io.aio4j.http.client;

import static io.aio4j.http.client.ClientFaultsTest.run;
import static io.aio4j.http.client.RawHttp.ascii;
import static io.aio4j.http.client.RawHttp.readRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.http.ServerDisconnectedException;
import io.aio4j.http.ClientConnectionResetException;
import io.aio4j.http.TcpConnector;
import io.aio4j.http.internal.client.Session;
import io.aio4j.net.ConnectionHandler;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies: compression (F22), flow control, late readers (F40), the pool's limits, resets (F11, F14, F15). */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientBodyTest {

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean zlib) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(6, !zlib))) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Answers each request with a body in the given encoding, chunked into small pieces. */
    static ConnectionHandler encoded(String encoding, byte[] body) {
        return (r, w) -> {
            while (readRequest(r) != null) {
                StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Encoding: " + encoding
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n");
                w.write(ascii(sb.toString()));
                for (int i = 0; i < body.length; i += 7) {
                    int n = Math.min(7, body.length - i);
                    w.write(ascii(Integer.toHexString(n) + "\r\n"));
                    w.write(Arrays.copyOfRange(body, i, i + n));
                    w.write(ascii("\r\n"));
                }
                w.write(ascii("0\r\n\r\n"));
                w.drain();
            }
        };
    }

    static byte[] text(int n) {
        byte[] b = new byte[n];
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + random.nextInt(6));
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "x-gzip", "deflate-zlib", "deflate-raw", "gzip-two-members"})
    void compressedBodiesAreDecodedWhateverTheirPieces(String kind) throws Exception {
        byte[] plain = text(50_000);
        byte[] wire = switch (kind) {
            case "gzip", "x-gzip" -> gzip(plain);
            case "deflate-zlib" -> deflate(plain, true);
            case "deflate-raw" -> deflate(plain, false);
            default -> concat(gzip(Arrays.copyOf(plain, 20_000)), gzip(Arrays.copyOfRange(plain, 20_000, plain.length)));
        };
        String encoding = kind.startsWith("deflate") ? "deflate" : kind.equals("x-gzip") ? "x-gzip" : "gzip";
        run(encoded(encoding, wire), (url, s) -> {
            try (ClientResponse r = s.get(url)) {
                assertThat(r.read()).isEqualTo(plain);
            }
            assertThat(((Session) s).idleConnections()).isEqualTo(1);
        });
    }

    // F22
    @Test
    void brokenOrTruncatedGzipIsAPayloadError() throws Exception {
        byte[] good = gzip(text(10_000));
        byte[] corrupt = good.clone();
        corrupt[good.length / 2] ^= 0x55;
        byte[] truncated = Arrays.copyOf(good, good.length - 20);
        byte[] badCrc = good.clone();
        badCrc[good.length - 6] ^= 1;
        for (byte[] wire : List.of(corrupt, truncated, badCrc, ascii("not gzip at all"))) {
            run(encoded("gzip", wire), (url, s) -> {
                try (ClientResponse r = s.get(url)) {
                    assertThatThrownBy(r::read).isInstanceOf(ClientPayloadException.class)
                            .hasMessageContaining("content-encoding");
                }
            });
        }
    }

    @Test
    void aDecompressionBombIsStoppedAtTheLimit() throws Exception {
        byte[] bomb = gzip(new byte[20 * 1024 * 1024]); // 20 MiB of zeros: about 20 KiB on the wire
        run(encoded("gzip", bomb), ClientSession.builder().autoDecompress(true, 1024 * 1024), (url, s) -> {
            try (ClientResponse r = s.get(url)) {
                assertThatThrownBy(r::read).isInstanceOf(ClientPayloadException.class).hasMessageContaining("limit");
            }
        });
    }

    @Test
    void withoutAutoDecompressTheBytesComeAsSent() throws Exception {
        byte[] wire = gzip(text(1000));
        run(encoded("gzip", wire), ClientSession.builder().autoDecompress(false, 1), (url, s) -> {
            try (ClientResponse r = s.get(url)) {
                assertThat(r.read()).isEqualTo(wire);
            }
        });
    }

    // Flow control and F40: a large body is read late, while other requests go first.
    @Test
    void aLateReaderGetsTheWholeBodyAndOthersProceedMeanwhile() {
        byte[] big = text(3 * 1024 * 1024);
        run((r, w) -> {
            RawHttp.Request req;
            while ((req = readRequest(r)) != null) {
                byte[] body = req.requestLine().contains("/big") ? big : ascii("small");
                w.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n"));
                w.write(body);
                w.drain();
            }
        }, (url, s) -> {
            ClientResponse late = s.get(url + "big");
            for (int i = 0; i < 5; i++) {
                assertThat(s.get(url + "small").text()).isEqualTo("small");
            }
            Aio.sleep(Duration.ofMillis(50));
            assertThat(late.read()).isEqualTo(big);
            late.close();
        });
    }

    @Test
    void thePoolKeepsToItsLimitAndTheWaitersGetTheirTurn() {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        run((r, w) -> {
            connections.incrementAndGet();
            while (readRequest(r) != null) {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Aio.sleep(Duration.ofMillis(20));
                inFlight.decrementAndGet();
                w.write(RawHttp.response(200, "OK", "ok"));
                w.drain();
            }
        }, ClientSession.builder().connector(TcpConnector.defaults().withLimit(3)), (url, s) -> {
            List<Task<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(Aio.createTask(() -> {
                    try (ClientResponse r = s.get(url)) {
                        return r.text();
                    }
                }));
            }
            assertThat(Aio.gather(tasks)).hasSize(12).containsOnly("ok");
            assertThat(connections.get()).isLessThanOrEqualTo(3);
            assertThat(maxInFlight.get()).isLessThanOrEqualTo(3);
        });
    }

    // F11
    @Test
    void aResetMidBodyIsAConnectionResetError() {
        run((r, w) -> {
            readRequest(r);
            w.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart"));
            w.drain();
            Aio.sleep(Duration.ofMillis(50));
            w.transport().abort();
        }, (url, s) -> {
            try (ClientResponse r = s.get(url)) {
                assertThatThrownBy(r::read).isInstanceOfAny(ClientConnectionResetException.class,
                        ClientPayloadException.class);
            }
        });
    }

    // F14: a pooled connection whose server shut its output is not used again.
    @Test
    void aHalfClosedIdleConnectionIsDropped() {
        AtomicInteger connections = new AtomicInteger();
        run((r, w) -> {
            connections.incrementAndGet();
            readRequest(r);
            w.write(RawHttp.response(200, "OK", "ok"));
            w.drain();
            w.writeEof();
            r.read(-1);
        }, (url, s) -> {
            assertThat(s.get(url).text()).isEqualTo("ok");
            Aio.sleep(Duration.ofMillis(100));
            assertThat(s.get(url).text()).isEqualTo("ok");
            assertThat(connections).hasValue(2);
        });
    }

    // F15: an early final response while the body goes out; the connection is not reused.
    @Test
    void anEarlyResponseToAStreamedUploadIsReadAndTheConnectionDropped() {
        AtomicInteger connections = new AtomicInteger();
        run((r, w) -> {
            connections.incrementAndGet();
            r.readUntil(ascii("\r\n\r\n"));
            w.write(RawHttp.response(413, "Payload Too Large", "too big", "Connection: close"));
            w.drain();
            Aio.sleep(Duration.ofMillis(200));
        }, (url, s) -> {
            byte[] chunk = new byte[64 * 1024];
            var chunks = java.util.stream.Stream.generate(() -> chunk).limit(200).iterator();
            try {
                try (ClientResponse r = s.post(url, q -> q.stream(chunks))) {
                    assertThat(r.status()).isEqualTo(413);
                }
            } catch (ServerDisconnectedException e) {
                // The server may close before the client sees the response: also a clean outcome.
            }
            assertThat(((Session) s).idleConnections()).isZero();
        });
    }
}
