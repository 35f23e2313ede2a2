package io.aio4j.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server through the client: routing, requests, responses, middlewares, errors. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WebServerTest {

    /** A test body, given the running server and a session. */
    interface Body {
        void run(WebServer server, ClientSession client) throws Exception;
    }

    /** Serves the app on 127.0.0.1, runs the body with a client, closes both, checks nothing is left open. */
    static void serve(Application app, Body body) {
        Aio.run(() -> {
            WebServer server = WebServer.start(app, "127.0.0.1", 0);
            try (ClientSession client = ClientSession.create()) {
                body.run(server, client);
            } finally {
                server.shutdown(Duration.ofSeconds(5));
            }
            assertThat(server.connectionCount()).isZero();
        });
    }

    record Item(String name, int qty) {
    }

    @Test
    void routesWithParametersMethodsAndTheirErrors() {
        Application app = Application.builder()
                .get("/", r -> Response.text("root"))
                .get("/users/{id}", r -> Response.text("user " + r.pathParam("id")))
                .get("/files/{tail:.*}", r -> Response.text("file " + r.pathParam("tail")))
                .get("/n/{num:\\d+}", r -> Response.text("number " + r.pathParam("num")))
                .post("/users/{id}", r -> Response.text("posted " + r.pathParam("id")).status(201))
                .build();
        serve(app, (server, c) -> {
            assertThat(c.get(server.url("/")).text()).isEqualTo("root");
            assertThat(c.get(server.url("/users/ann%20smith")).text()).isEqualTo("user ann smith");
            assertThat(c.get(server.url("/files/a/b/c.txt")).text()).isEqualTo("file a/b/c.txt");
            assertThat(c.get(server.url("/n/42")).text()).isEqualTo("number 42");
            try (ClientResponse r = c.get(server.url("/n/x"))) {
                assertThat(r.status()).isEqualTo(404);
            }
            try (ClientResponse r = c.post(server.url("/users/7"), q -> { })) {
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.text()).isEqualTo("posted 7");
            }
            try (ClientResponse r = c.request("DELETE", server.url("/users/7"), q -> { })) {
                assertThat(r.status()).isEqualTo(405);
                assertThat(r.headers().get("Allow")).isEqualTo("GET, POST, HEAD");
            }
            try (ClientResponse r = c.head(server.url("/users/7"))) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.contentLength()).isEqualTo("user 7".length());
                assertThat(r.read()).isEmpty();
            }
            assertThat(server.connectionCount()).as("keep-alive: one connection").isEqualTo(1);
        });
    }

    @Test
    void requestAccessorsAndBodies() {
        Application app = Application.builder()
                .post("/echo", r -> Response.json(Map.of("method", r.method(), "path", r.path(),
                        "q", r.query(), "ct", r.headers().get("Content-Type"), "len", r.contentLength(),
                        "text", r.text(), "version", r.version())))
                .post("/json", r -> Response.json(r.json(Item.class)).status(201))
                .post("/stream", r -> {
                    var content = r.content();
                    int lines = 0;
                    while (content.readLine().length > 0) {
                        lines++;
                    }
                    return Response.text("lines " + lines);
                })
                .build();
        serve(app, (server, c) -> {
            try (ClientResponse r = c.post(server.url("/echo?a=1&a=2&b=x+y"), q -> q.text("héllo"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = r.json(Map.class);
                assertThat(m).containsEntry("method", "POST").containsEntry("path", "/echo")
                        .containsEntry("text", "héllo").containsEntry("version", "HTTP/1.1")
                        .containsEntry("q", Map.of("a", List.of("1", "2"), "b", List.of("x y")));
            }
            try (ClientResponse r = c.post(server.url("/json"), q -> q.json(new Item("tea", 3)))) {
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.json(Item.class)).isEqualTo(new Item("tea", 3));
            }
            try (ClientResponse r = c.post(server.url("/json"), q -> q.text("{not json"))) {
                assertThat(r.status()).isEqualTo(400);
            }
            List<byte[]> parts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                parts.add(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            try (ClientResponse r = c.post(server.url("/stream"), q -> q.stream(parts.iterator()))) {
                assertThat(r.text()).isEqualTo("lines 50");
            }
        });
    }

    @Test
    void aBodyOverTheLimitIs413() {
        Application app = Application.builder().maxBodySize(1000)
                .post("/", r -> Response.text("got " + r.read().length)).build();
        serve(app, (server, c) -> {
            assertThat(c.post(server.url("/"), q -> q.body(new byte[1000])).text()).isEqualTo("got 1000");
            try (ClientResponse r = c.post(server.url("/"), q -> q.body(new byte[1001]))) {
                assertThat(r.status()).isEqualTo(413);
            }
        });
    }

    @Test
    void streamingAndFileResponses(@TempDir Path dir) throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(data);
        Path file = dir.resolve("data.bin");
        Files.write(file, data);
        Application app = Application.builder()
                .get("/stream", r -> Response.stream("text/plain", out -> {
                    for (int i = 0; i < 100; i++) {
                        out.write("chunk " + i + "\n");
                    }
                }))
                .get("/file", r -> Response.file(file))
                .get("/missing", r -> Response.file(dir.resolve("nope.txt")))
                .build();
        serve(app, (server, c) -> {
            try (ClientResponse r = c.get(server.url("/stream"))) {
                assertThat(r.headers().get("Transfer-Encoding")).isEqualTo("chunked");
                assertThat(r.text()).startsWith("chunk 0\nchunk 1\n").endsWith("chunk 99\n");
            }
            try (ClientResponse r = c.get(server.url("/file"))) {
                assertThat(r.contentLength()).isEqualTo(data.length);
                assertThat(r.contentType()).isEqualTo("application/octet-stream");
                assertThat(r.read()).isEqualTo(data);
            }
            try (ClientResponse r = c.get(server.url("/missing"))) {
                assertThat(r.status()).isEqualTo(404);
            }
        });
    }

    @Test
    void middlewaresRunOutermostFirstAndErrorsBecomeResponses() {
        List<String> log = new ArrayList<>();
        List<Throwable> reported = new ArrayList<>();
        Application app = Application.builder()
                .middleware((r, next) -> {
                    log.add("outer in");
                    Response resp = next.handle(r);
                    log.add("outer out");
                    return resp.header("X-Outer", "1");
                })
                .middleware((r, next) -> {
                    log.add("inner");
                    if (r.path().equals("/blocked")) {
                        return Response.text("no").status(403);
                    }
                    return next.handle(r);
                })
                .get("/ok", r -> Response.text("ok"))
                .get("/blocked", r -> Response.text("never"))
                .get("/teapot", r -> {
                    throw new HttpStatusException(418, "I'm a teapot");
                })
                .get("/boom", r -> {
                    throw new IllegalStateException("secret internals");
                })
                .build();
        Aio.run(() -> {
            Aio.getRunningLoop().setExceptionHandler((loop, ctx) -> reported.add(ctx.exception()));
            WebServer server = WebServer.start(app, "127.0.0.1", 0);
            try (ClientSession c = ClientSession.create()) {
                try (ClientResponse r = c.get(server.url("/ok"))) {
                    assertThat(r.text()).isEqualTo("ok");
                    assertThat(r.headers().get("X-Outer")).isEqualTo("1");
                }
                assertThat(log).containsExactly("outer in", "inner", "outer out");
                assertThat(c.get(server.url("/blocked")).status()).isEqualTo(403);
                try (ClientResponse r = c.get(server.url("/teapot"))) {
                    assertThat(r.status()).isEqualTo(418);
                    assertThat(r.text()).isEqualTo("I'm a teapot");
                }
                try (ClientResponse r = c.get(server.url("/boom"))) {
                    assertThat(r.status()).isEqualTo(500);
                    assertThat(r.text()).doesNotContain("secret");
                }
            } finally {
                server.shutdown(Duration.ofSeconds(5));
            }
        });
        assertThat(reported).singleElement().satisfies(e -> assertThat(e).hasMessage("secret internals"));
    }

    @Test
    void anInvalidHeaderSetByTheApplicationIsA500() {
        Application app = Application.builder().get("/", r -> Response.text("x").header("X-Bad", "a\r\nInjected: 1"))
                .build();
        serve(app, (server, c) -> {
            try (ClientResponse r = c.get(server.url("/"))) {
                assertThat(r.status()).isEqualTo(500);
                assertThat(r.headers().get("Injected")).isNull();
            }
        });
    }

    @Test
    void responseFactoriesCheckTheirInput() {
        assertThatThrownBy(() -> Response.text("x").status(42)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Response.json(Map.of("a", 1)).headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(Response.reasonOf(404)).isEqualTo("Not Found");
        assertThat(new HttpStatusException(404).response().status()).isEqualTo(404);
        assertThatThrownBy(() -> Application.builder().get("no-slash", r -> null)).isInstanceOf(IllegalArgumentException.class);
    }
}
