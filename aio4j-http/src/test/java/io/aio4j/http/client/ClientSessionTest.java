package io.aio4j.http.client;

import static io.aio4j.http.client.RawHttp.readRequest;
import static io.aio4j.http.client.RawHttp.response;
import static io.aio4j.http.client.RawHttp.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientResponseException;
import io.aio4j.http.ClientSession;
import io.aio4j.http.ContentTypeException;
import io.aio4j.http.internal.client.Session;
import io.aio4j.net.Server;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's everyday use against a scripted server: methods, bodies, keep-alive, statuses. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientSessionTest {

    /** Serves requests on each connection until the client closes it, answering with {@code reply}. */
    interface Reply {
        byte[] to(RawHttp.Request r) throws Exception;
    }

    static Server serve(List<RawHttp.Request> seen, AtomicInteger connections, Reply reply) throws Exception {
        return RawHttp.start((r, w) -> {
            connections.incrementAndGet();
            RawHttp.Request req;
            while ((req = readRequest(r)) != null) {
                seen.add(req);
                w.write(reply.to(req));
                w.drain();
            }
        });
    }

    static void closeAndCheck(ClientSession session, Server server) {
        session.close();
        assertThat(((Session) session).openConnections()).as("connections left open").isZero();
        server.close();
        server.waitClosed();
    }

    @Test
    void getReadsStatusHeadersAndTextAndReusesTheConnection() {
        Aio.run(() -> {
            List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
            AtomicInteger connections = new AtomicInteger();
            Server server = serve(seen, connections, req -> response(200, "OK", "hello " + req.requestLine(),
                    "Content-Type: text/plain; charset=utf-8", "X-Thing: 1"));
            ClientSession session = ClientSession.create();
            for (int i = 0; i < 3; i++) {
                try (ClientResponse r = session.get(url(server, "/a?x=1"), q -> q.param("y", "a b"))) {
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.reason()).isEqualTo("OK");
                    assertThat(r.headers().get("x-thing")).isEqualTo("1");
                    assertThat(r.contentType()).isEqualTo("text/plain");
                    assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
                    assertThat(r.text()).isEqualTo("hello GET /a?x=1&y=a+b HTTP/1.1");
                }
            }
            assertThat(connections).as("keep-alive: one connection for three requests").hasValue(1);
            RawHttp.Request first = seen.get(0);
            assertThat(first.header("Host")).isEqualTo("127.0.0.1:" + RawHttp.port(server));
            assertThat(first.header("Accept-Encoding")).isEqualTo("gzip, deflate");
            assertThat(first.header("Content-Length")).as("a GET without a body says nothing of one").isNull();
            assertThat(((Session) session).idleConnections()).isEqualTo(1);
            closeAndCheck(session, server);
        });
    }

    record Order(String item, int count) {
    }

    @Test
    void postJsonFormTextAndBytesAndReadJson() {
        Aio.run(() -> {
            List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
            Server server = serve(seen, new AtomicInteger(), req -> response(201, "Created",
                    "{\"item\":\"tea\",\"count\":2,\"extra\":true}", "Content-Type: application/json"));
            try (ClientSession session = ClientSession.create()) {
                try (ClientResponse r = session.post(url(server, "/o"), q -> q.json(new Order("tea", 2)))) {
                    assertThat(r.status()).isEqualTo(201);
                    assertThat(r.json(Order.class)).isEqualTo(new Order("tea", 2));
                }
                session.post(url(server, "/f"), q -> q.form(Map.of("a b", "c&d"))).close();
                session.put(url(server, "/t"), q -> q.text("héllo")).close();
                session.patch(url(server, "/b"), q -> q.body(new byte[] {1, 2, 3})).close();
                session.post(url(server, "/empty"), q -> { }).close();
                assertThat(seen.get(0).header("Content-Type")).isEqualTo("application/json");
                assertThat(seen.get(0).bodyText()).isEqualTo("{\"item\":\"tea\",\"count\":2}");
                assertThat(seen.get(1).header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
                assertThat(seen.get(1).bodyText()).isEqualTo("a+b=c%26d");
                assertThat(seen.get(2).requestLine()).startsWith("PUT ");
                assertThat(seen.get(2).bodyText()).isEqualTo("héllo");
                assertThat(seen.get(3).body()).containsExactly(1, 2, 3);
                assertThat(seen.get(3).header("Content-Type")).isEqualTo("application/octet-stream");
                assertThat(seen.get(4).header("Content-Length")).as("a POST without a body says 0").isEqualTo("0");
            }
            server.close();
        });
    }

    @Test
    void aStreamedUploadGoesChunked() {
        Aio.run(() -> {
            List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
            Server server = serve(seen, new AtomicInteger(), req -> response(200, "OK", "n=" + req.body().length));
            try (ClientSession session = ClientSession.create();
                    ClientResponse r = session.post(url(server, "/up"), q -> q.stream(List.of(
                            "ab".getBytes(), new byte[0], "cde".getBytes()).iterator()))) {
                assertThat(r.text()).isEqualTo("n=5");
            }
            assertThat(seen.get(0).header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(seen.get(0).bodyText()).isEqualTo("abcde");
            server.close();
        });
    }

    @Test
    void anErrorStatusIsAResponseUntilRaiseForStatus() {
        Aio.run(() -> {
            Server server = serve(new CopyOnWriteArrayList<>(), new AtomicInteger(),
                    req -> response(404, "Not Found", "nope", "Content-Type: text/html"));
            try (ClientSession session = ClientSession.create()) {
                try (ClientResponse r = session.get(url(server, "/x"))) {
                    assertThat(r.ok()).isFalse();
                    assertThatThrownBy(r::raiseForStatus).isInstanceOf(ClientResponseException.class)
                            .hasMessageContaining("404").hasMessageContaining("Not Found");
                }
                try (ClientResponse r = session.get(url(server, "/x"))) {
                    assertThatThrownBy(() -> r.json(Object.class)).isInstanceOf(ContentTypeException.class)
                            .hasMessageContaining("text/html");
                }
                assertThatThrownBy(() -> session.get(url(server, "/x"), q -> q.raiseForStatus(true)))
                        .isInstanceOf(ClientResponseException.class);
            }
            server.close();
        });
    }

    @Test
    void aChunkedBodyStreamsLineByLine() {
        Aio.run(() -> {
            Server server = RawHttp.start((r, w) -> {
                readRequest(r);
                w.write(RawHttp.ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "6\r\nline1\n\r\n" + "3\r\nlin\r\n" + "3\r\ne2\n\r\n" + "4\r\ntail\r\n0\r\n\r\n"));
                w.drain();
                readRequest(r);
            });
            try (ClientSession session = ClientSession.create(); ClientResponse resp = session.get(url(server, "/"))) {
                var content = resp.content();
                assertThat(new String(content.readLine())).isEqualTo("line1\n");
                List<String> rest = new ArrayList<>();
                for (byte[] line : content.lines()) {
                    rest.add(new String(line));
                }
                assertThat(rest).containsExactly("line2\n", "tail");
                assertThat(content.readLine()).isEmpty();
                assertThat(content.atEof()).isTrue();
                assertThat(((Session) session).idleConnections()).as("the end released the connection").isEqualTo(1);
            }
            server.close();
        });
    }

    @Test
    void aHeadResponseHasNoBodyAndTheConnectionStaysUsable() {
        Aio.run(() -> {
            AtomicInteger connections = new AtomicInteger();
            Server server = serve(new CopyOnWriteArrayList<>(), connections, req -> req.requestLine().startsWith("HEAD")
                    ? RawHttp.ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
                    : response(200, "OK", "body"));
            try (ClientSession session = ClientSession.create()) {
                try (ClientResponse r = session.head(url(server, "/"))) {
                    assertThat(r.contentLength()).isEqualTo(1000);
                    assertThat(r.read()).isEmpty();
                }
                try (ClientResponse r = session.get(url(server, "/"))) {
                    assertThat(r.text()).isEqualTo("body");
                }
            }
            assertThat(connections).hasValue(1);
            server.close();
        });
    }

    @Test
    void headerInjectionIsRefusedBeforeAnythingIsSent() {
        Aio.run(() -> {
            AtomicInteger connections = new AtomicInteger();
            Server server = serve(new CopyOnWriteArrayList<>(), connections, req -> response(200, "OK", ""));
            try (ClientSession session = ClientSession.create()) {
                assertThatThrownBy(() -> session.get(url(server, "/"), q -> q.header("X-A", "v\r\nX-B: injected")))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> session.get(url(server, "/"), q -> q.header("Bad Name", "v")))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> session.request("GET\r\n", url(server, "/"), q -> { }))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(connections).as("nothing was sent").hasValue(0);
            server.close();
        });
    }
}
