package io.aio4j.http.client;

import static io.aio4j.http.client.ClientFaultsTest.run;
import static io.aio4j.http.client.RawHttp.readRequest;
import static io.aio4j.http.client.RawHttp.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.LoopOptions;
import io.aio4j.http.BasicAuth;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Headers;
import io.aio4j.http.Multipart;
import io.aio4j.http.TraceConfig;
import io.aio4j.http.internal.client.Session;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cookies, credentials, middlewares, and what happens to sessions and responses left open. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientExtrasTest {

    /** Records each request and answers with what {@code reply} makes of it. */
    static ConnectionHandler recording(List<RawHttp.Request> seen, java.util.function.Function<RawHttp.Request, byte[]> reply) {
        return (r, w) -> {
            RawHttp.Request req;
            while ((req = readRequest(r)) != null) {
                seen.add(req);
                w.write(reply.apply(req));
                w.drain();
            }
        };
    }

    /** A test body for {@link #reportsOf}, given the list the loop's reports go to. */
    interface LoopBody {
        void run(List<ExceptionContext> reports) throws Exception;
    }

    /** Runs a body as the main task of a fresh loop and returns what the loop reported meanwhile. */
    static List<ExceptionContext> reportsOf(LoopBody body) {
        List<ExceptionContext> reports = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.create(LoopOptions.defaults())) {
            loop.setExceptionHandler((l, context) -> reports.add(context));
            loop.runUntilComplete(loop.createTask(() -> {
                body.run(reports);
                return null;
            }));
        }
        return reports;
    }

    /** Asks the GC to find what was dropped until a report comes (bounded), then lets the loop close what it must. */
    static void collectUntilReported(List<ExceptionContext> reports) {
        for (int i = 0; i < 200 && reports.isEmpty(); i++) {
            System.gc();
            Aio.sleep(Duration.ofMillis(10));
        }
        Aio.sleep(Duration.ofMillis(50));
    }

    /** Answers one request with 10 of the 100 body bytes it announces, then waits. */
    static final ConnectionHandler BODY_NEVER_ENDS = (r, w) -> {
        readRequest(r);
        w.write(RawHttp.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nnot all of"));
        w.drain();
        r.read(-1);
    };

    @Test
    void cookiesSetByTheServerGoBackToIt() {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        run(recording(seen, req -> req.requestLine().contains("/login")
                ? response(200, "OK", "in", "Set-Cookie: session=abc123; Path=/", "Set-Cookie: theme=dark; Path=/app")
                : response(200, "OK", "page")), (url, s) -> {
                    s.get(url + "login").close();
                    s.get(url + "app/home").close();
                    s.get(url + "other").close();
                });
        assertThat(seen.get(0).header("Cookie")).isNull();
        assertThat(seen.get(1).header("Cookie")).contains("session=abc123").contains("theme=dark");
        assertThat(seen.get(2).header("Cookie")).isEqualTo("session=abc123");
    }

    @Test
    void sessionsBuiltByOneBuilderEachKeepTheirOwnCookies() {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        ClientSession.Builder builder = ClientSession.builder();
        run(recording(seen, req -> response(200, "OK", "x", "Set-Cookie: a=b")), builder, (url, s) -> {
            s.get(url).close();
            try (ClientSession other = builder.build()) {
                other.get(url).close();
            }
            s.get(url).close();
        });
        assertThat(seen.get(1).header("Cookie")).as("the second session's first request").isNull();
        assertThat(seen.get(2).header("Cookie")).isEqualTo("a=b");
    }

    @Test
    void withoutAJarNoCookieIsKept() {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        run(recording(seen, req -> response(200, "OK", "x", "Set-Cookie: a=b")),
                ClientSession.builder().cookieJar(null), (url, s) -> {
                    s.get(url).close();
                    s.get(url).close();
                });
        assertThat(seen.get(1).header("Cookie")).isNull();
    }

    @Test
    void basicAuthFromTheSessionOrTheRequest() {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        run(recording(seen, req -> response(200, "OK", "")),
                ClientSession.builder().auth(new BasicAuth("user", "pa:ss")), (url, s) -> {
                    s.get(url).close();
                    s.get(url, q -> q.auth(new BasicAuth("other", "x"))).close();
                });
        assertThat(seen.get(0).header("Authorization")).isEqualTo("Basic dXNlcjpwYTpzcw==");
        assertThat(seen.get(1).header("Authorization")).isEqualTo("Basic b3RoZXI6eA==");
        assertThatThrownBy(() -> new BasicAuth("a:b", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BasicAuth("u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void middlewaresWrapEachRequestInOrderAndMayRetry() {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        List<String> log = new ArrayList<>();
        run(recording(seen, req -> "Bearer fresh".equals(req.header("Authorization"))
                ? response(200, "OK", "welcome") : response(401, "Unauthorized", "")),
                ClientSession.builder().middleware((request, next) -> {
                    log.add("outer " + request.url().getPath());
                    return next.send(request.withHeader("X-Trace", "t1"));
                }).middleware((request, next) -> {
                    log.add("inner " + request.headers().get("X-Trace"));
                    ClientResponse r = next.send(request.withHeader("Authorization", "Bearer stale"));
                    if (r.status() != 401) {
                        return r;
                    }
                    r.close();
                    return next.send(request.withHeader("Authorization", "Bearer fresh"));
                }), (url, s) -> {
                    try (ClientResponse r = s.get(url + "api")) {
                        assertThat(r.text()).isEqualTo("welcome");
                    }
                });
        assertThat(log).containsExactly("outer /api", "inner t1");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).header("X-Trace")).isEqualTo("t1");
    }

    @Test
    void aResponseLeftOpenWhenItsSessionClosesIsReported() {
        List<ExceptionContext> reports = reportsOf(r -> {
            Server server = RawHttp.start(BODY_NEVER_ENDS);
            ClientSession s = ClientSession.create();
            ClientResponse open = s.get(RawHttp.url(server, "/"));
            s.close();
            assertThat(open.toString()).contains("RELEASED");
            server.close();
        });
        assertThat(reports).anySatisfy(c -> assertThat(c.message()).startsWith("Unclosed response"));
    }

    @Test
    void aSessionUsedAfterCloseOrFromAnotherLoopSaysSo() {
        ClientSession[] holder = new ClientSession[1];
        Aio.run(() -> {
            holder[0] = ClientSession.create();
            holder[0].close();
            assertThat(holder[0].isClosed()).isTrue();
            assertThatThrownBy(() -> holder[0].get("http://127.0.0.1:1/")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        });
        Aio.run(() -> {
            ClientSession s = ClientSession.create();
            holder[0] = s;
        });
        Aio.run(() -> {
            assertThatThrownBy(() -> holder[0].get("http://127.0.0.1:1/"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another");
            holder[0].close(); // it never opened a connection: closing it anywhere is harmless
        });
    }

    @Test
    void multipartFormsCarryFieldsAndFiles() {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        run(recording(seen, req -> response(200, "OK", "")), (url, s) -> s.post(url, q -> q.multipart(
                Multipart.formData().field("title", "a \"quoted\" name").file("doc", "notes.txt", "text/plain",
                        "line1\nline2".getBytes(StandardCharsets.UTF_8)))).close());
        RawHttp.Request r = seen.get(0);
        String ct = r.header("Content-Type");
        assertThat(ct).startsWith("multipart/form-data; boundary=");
        String boundary = ct.substring(ct.indexOf('=') + 1);
        assertThat(r.bodyText()).isEqualTo("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\na \"quoted\" name\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline1\nline2\r\n"
                + "--" + boundary + "--\r\n");
    }

    @Test
    void traceHooksSeeEachStepOfARequest() {
        List<String> events = new CopyOnWriteArrayList<>();
        TraceConfig trace = new TraceConfig() {
            @Override
            public void requestStart(String method, URI url, Headers headers) {
                events.add("start " + method + " " + url.getPath());
            }

            @Override
            public void connectionCreateStart(URI url) {
                events.add("create");
            }

            @Override
            public void connectionReuse(URI url) {
                events.add("reuse");
            }

            @Override
            public void requestHeadersSent(String method, URI url, Headers headers) {
                events.add("sent Host=" + (headers.get("Host") != null));
            }

            @Override
            public void requestRedirect(String method, URI url, ClientResponse response) {
                events.add("redirect " + response.status());
            }

            @Override
            public void requestEnd(String method, URI url, ClientResponse response) {
                events.add("end " + response.status());
            }

            @Override
            public void requestException(String method, URI url, Throwable exception) {
                events.add("error " + exception.getClass().getSimpleName());
            }
        };
        run(recording(new CopyOnWriteArrayList<>(), req -> req.requestLine().contains("/old")
                ? response(301, "Moved", "", "Location: /new") : response(200, "OK", "")),
                ClientSession.builder().trace(trace), (url, s) -> {
                    s.get(url + "old").close();
                    assertThatThrownBy(() -> s.get("http://127.0.0.1:1/")).isInstanceOf(IOException.class);
                });
        assertThat(events).containsExactly("start GET /old", "create", "sent Host=true", "redirect 301", "reuse",
                "sent Host=true", "end 200", "start GET /", "create", "error ClientConnectorException");
    }

    @Test
    void aSessionDroppedWithoutCloseIsReportedAndItsConnectionsClosed() {
        List<ExceptionContext> reports = reportsOf(r -> {
            Server server = RawHttp.start((rd, w) -> {
                while (readRequest(rd) != null) {
                    w.write(response(200, "OK", "kept alive"));
                    w.drain();
                }
            });
            useAndDrop(RawHttp.url(server, "/"));
            collectUntilReported(r);
            assertThat(server.connectionCount()).as("the dropped session's connection was closed").isZero();
            server.close();
        });
        assertThat(reports).anySatisfy(c -> assertThat(c.message()).startsWith("Unclosed client session"));
    }

    /** Makes a session, leaves a kept-alive connection in its pool, and forgets it without closing. */
    private static void useAndDrop(String url) throws Exception {
        ClientSession s = ClientSession.create();
        assertThat(s.get(url).text()).isEqualTo("kept alive");
    }

    @Test
    void aResponseDroppedWithoutCloseIsReportedAndItsConnectionClosed() {
        List<ExceptionContext> reports = reportsOf(r -> {
            Server server = RawHttp.start(BODY_NEVER_ENDS);
            try (ClientSession s = ClientSession.create()) {
                dropResponse(s, RawHttp.url(server, "/"));
                collectUntilReported(r);
                assertThat(((Session) s).openConnections()).as("its connection was closed").isZero();
            }
            server.close();
        });
        assertThat(reports).anySatisfy(c -> assertThat(c.message()).startsWith("Unclosed response"));
    }

    /** Gets a response whose body is still coming and forgets it without closing. */
    private static void dropResponse(ClientSession s, String url) throws Exception {
        assertThat(s.get(url).status()).isEqualTo(200);
    }
}
