package io.aio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aio4j.Aio;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebServer;
import io.aio4j.http.web.WebServerOptions;
import io.aio4j.net.MultiLoopServer;
import io.aio4j.net.ServerTls;
import io.aio4j.net.tls.TestCerts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code aio4j fetch} against local servers: each outcome, each JSON key, the exit codes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FetchCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> KEYS = List.of("url", "ok", "status", "reason", "version", "headers", "bytes",
            "elapsed_ms", "redirects", "error", "message");
    static final String PAGE = "x".repeat(1024);

    static MultiLoopServer http;
    static MultiLoopServer https;
    static MultiLoopServer selfSigned;

    /** What one run of the command left behind. */
    record Run(int exit, String out, String err) {
        List<JsonNode> json() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.lines().toList()) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        }
    }

    static Run fetch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(Stream.concat(Stream.of("fetch"), Stream.of(args)).toList(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Application app() {
        return Application.builder()
                .get("/page", r -> Response.text(PAGE).header("X-Served-By", "test"))
                .get("/hop1", r -> Response.text("").status(302).header("Location", "/hop2"))
                .get("/hop2", r -> Response.text("").status(301).header("Location", "/page"))
                .get("/loop", r -> Response.text("").status(302).header("Location", "/loop"))
                .get("/host", r -> Response.text(r.headers().get("Host")))
                .get("/slow", r -> {
                    Aio.sleep(Duration.ofSeconds(30));
                    return Response.text("late");
                })
                .get("/delay/{ms}", r -> {
                    Aio.sleep(Duration.ofMillis(Long.parseLong(r.pathParam("ms"))));
                    return Response.text("after " + r.pathParam("ms"));
                })
                .route("PUT", "/echo", r -> Response.text(r.method() + " " + r.headers().get("X-Token") + " "
                        + r.headers().get("Content-Type") + " " + r.text()))
                .post("/echo", r -> Response.text(r.method() + " " + r.headers().get("Content-Type") + " " + r.text()))
                .build();
    }

    @BeforeAll
    static void start() throws IOException {
        http = WebServer.startOnLoops(1, app(), "127.0.0.1", 0, WebServerOptions.defaults());
        https = WebServer.startOnLoops(1, app(), "127.0.0.1", 0, WebServerOptions.defaults()
                .withTls(ServerTls.fromPem(TestCerts.pem("good"), TestCerts.key("good"))));
        selfSigned = WebServer.startOnLoops(1, app(), "127.0.0.1", 0, WebServerOptions.defaults()
                .withTls(ServerTls.fromPem(TestCerts.pem("selfsigned"), TestCerts.key("selfsigned"))));
    }

    @AfterAll
    static void stop() {
        for (MultiLoopServer s : new MultiLoopServer[] {http, https, selfSigned}) {
            if (s != null) {
                s.shutdown(Duration.ZERO);
            }
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    static void assertKeys(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).containsExactlyElementsOf(KEYS);
    }

    @Test
    void aSuccessHasEveryKey() throws IOException {
        Run run = fetch("--json", url("/page"));
        assertThat(run.exit()).isZero();
        JsonNode n = run.json().get(0);
        assertKeys(n);
        assertThat(n.get("url").asText()).isEqualTo(url("/page"));
        assertThat(n.get("ok").asBoolean()).isTrue();
        assertThat(n.get("status").asInt()).isEqualTo(200);
        assertThat(n.get("reason").asText()).isEqualTo("OK");
        assertThat(n.get("version").asText()).isEqualTo("HTTP/1.1");
        assertThat(n.get("headers").isArray()).isTrue();
        assertThat(n.get("headers")).anySatisfy(h -> {
            assertThat(h.get(0).asText()).isEqualTo("X-Served-By");
            assertThat(h.get(1).asText()).isEqualTo("test");
        });
        assertThat(n.get("headers")).allSatisfy(h -> assertThat(h.size()).isEqualTo(2));
        assertThat(n.get("bytes").asLong()).isEqualTo(1024);
        assertThat(n.get("elapsed_ms").isIntegralNumber()).isTrue();
        assertThat(n.get("elapsed_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(n.get("redirects").isArray()).isTrue();
        assertThat(n.get("redirects")).isEmpty();
        assertThat(n.get("error").isNull()).isTrue();
        assertThat(n.get("message").isNull()).isTrue();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void redirectsAreFollowedAndListed() throws IOException {
        JsonNode n = fetch("--json", url("/hop1")).json().get(0);
        assertKeys(n);
        assertThat(n.get("ok").asBoolean()).isTrue();
        assertThat(n.get("status").asInt()).isEqualTo(200);
        assertThat(n.get("redirects")).extracting(JsonNode::asText).containsExactly(url("/hop2"), url("/page"));
        assertThat(n.get("bytes").asLong()).isEqualTo(1024);

        JsonNode notFollowed = fetch("--json", "--max-redirects", "0", url("/hop1")).json().get(0);
        assertThat(notFollowed.get("status").asInt()).isEqualTo(302);
        assertThat(notFollowed.get("ok").asBoolean()).as("a 302 is below 400").isTrue();
        assertThat(notFollowed.get("redirects")).isEmpty();

        Run tooMany = fetch("--json", "--max-redirects", "3", url("/loop"));
        assertThat(tooMany.exit()).isEqualTo(1);
        JsonNode t = tooMany.json().get(0);
        assertKeys(t);
        assertThat(t.get("ok").asBoolean()).isFalse();
        assertThat(t.get("error").asText()).isEqualTo("TooManyRedirectsException");
        assertThat(t.get("message").asText()).isNotBlank();
    }

    @Test
    void a404IsAResponseThatFails() throws IOException {
        Run run = fetch("--json", url("/nothing-here"));
        assertThat(run.exit()).isEqualTo(1);
        JsonNode n = run.json().get(0);
        assertKeys(n);
        assertThat(n.get("ok").asBoolean()).isFalse();
        assertThat(n.get("status").asInt()).isEqualTo(404);
        assertThat(n.get("reason").asText()).isEqualTo("Not Found");
        assertThat(n.get("version").asText()).isEqualTo("HTTP/1.1");
        assertThat(n.get("error").isNull()).as("no exception: the server answered").isTrue();
        assertThat(n.get("message").isNull()).isTrue();
    }

    @Test
    void aRefusedConnectionIsAConnectorError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run run = fetch("--json", "http://127.0.0.1:" + port + "/");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode n = run.json().get(0);
        assertKeys(n);
        assertThat(n.get("ok").asBoolean()).isFalse();
        assertThat(n.get("status").isNull()).isTrue();
        assertThat(n.get("reason").isNull()).isTrue();
        assertThat(n.get("version").isNull()).isTrue();
        assertThat(n.get("headers")).isEmpty();
        assertThat(n.get("bytes").asLong()).isZero();
        assertThat(n.get("error").asText()).isEqualTo("ClientConnectorException");
        assertThat(n.get("message").asText()).contains("Cannot connect to host 127.0.0.1:" + port);
    }

    @Test
    void timeoutsEndTheRequestWithTheirOwnErrors() throws IOException {
        JsonNode total = fetch("--json", "--timeout", "0.3", url("/slow")).json().get(0);
        assertKeys(total);
        assertThat(total.get("ok").asBoolean()).isFalse();
        assertThat(total.get("error").asText()).isEqualTo("ServerTimeoutException");
        assertThat(total.get("elapsed_ms").asLong()).isGreaterThanOrEqualTo(300);

        JsonNode read = fetch("--json", "--read-timeout", "0.3", url("/slow")).json().get(0);
        assertThat(read.get("error").asText()).isEqualTo("SocketReadTimeoutException");
    }

    @Test
    void aBadCertificateFailsUnlessTrustedOrInsecure() throws IOException {
        String selfSignedUrl = "https://localhost:" + selfSigned.port() + "/page";
        Run bad = fetch("--json", selfSignedUrl);
        assertThat(bad.exit()).isEqualTo(1);
        JsonNode n = bad.json().get(0);
        assertKeys(n);
        assertThat(n.get("ok").asBoolean()).isFalse();
        assertThat(n.get("status").isNull()).isTrue();
        assertThat(n.get("error").asText()).isEqualTo("ClientConnectorCertificateException");
        assertThat(n.get("message").asText()).contains("localhost");

        assertThat(fetch("--json", "-k", selfSignedUrl).json().get(0).get("status").asInt()).isEqualTo(200);
        String goodUrl = "https://localhost:" + https.port() + "/page";
        assertThat(fetch("--json", goodUrl).json().get(0).get("error").asText())
                .as("the test CA is not in the JDK's trust store").isEqualTo("ClientConnectorCertificateException");
        Run trusted = fetch("--json", "--cacert", TestCerts.pem("ca").toString(), goodUrl);
        assertThat(trusted.exit()).isZero();
        assertThat(trusted.json().get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void resultsComeInTheOrderGivenAndConcurrencyIsHonoured() throws IOException {
        Run run = fetch("--json", "-c", "3", url("/delay/300"), url("/delay/10"), url("/page"));
        assertThat(run.exit()).isZero();
        assertThat(run.json()).extracting(n -> n.get("url").asText())
                .containsExactly(url("/delay/300"), url("/delay/10"), url("/page"));
        assertThat(run.json().get(0).get("elapsed_ms").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(run.json().get(0).get("elapsed_ms").asLong())
                .as("the three ran at once: the first is not delayed by the others")
                .isLessThan(run.json().get(1).get("elapsed_ms").asLong() + 3000);

        Run serial = fetch("--json", "-c", "1", url("/delay/200"), url("/delay/200"));
        assertThat(serial.json()).extracting(n -> n.get("ok").asBoolean()).containsExactly(true, true);
    }

    @Test
    void methodHeadersBodyResolveAndSavedBodies(@TempDir Path dir) throws IOException {
        JsonNode put = fetch("--json", "--include-body", "-X", "PUT", "-H", "X-Token: t1", "-H",
                "Content-Type: text/plain", "-d", "hello", url("/echo")).json().get(0);
        assertThat(new String(Base64.getDecoder().decode(put.get("body_base64").asText()), StandardCharsets.UTF_8))
                .isEqualTo("PUT t1 text/plain hello");
        assertThat(put.get("bytes").asLong()).isEqualTo("PUT t1 text/plain hello".length());

        Path data = dir.resolve("form.txt");
        Files.writeString(data, "a=1&b=2");
        JsonNode post = fetch("--json", "--include-body", "-d", "@" + data, url("/echo")).json().get(0);
        assertThat(new String(Base64.getDecoder().decode(post.get("body_base64").asText()), StandardCharsets.UTF_8))
                .as("-d alone means POST, form-encoded, as curl").isEqualTo("POST application/x-www-form-urlencoded a=1&b=2");

        String named = "http://www.fetch.test:" + http.port() + "/host";
        JsonNode resolved = fetch("--json", "--include-body", "--resolve", "www.fetch.test:" + http.port() + ":127.0.0.1",
                named).json().get(0);
        assertThat(new String(Base64.getDecoder().decode(resolved.get("body_base64").asText()), StandardCharsets.UTF_8))
                .isEqualTo("www.fetch.test:" + http.port());

        Path out = dir.resolve("bodies");
        Run saved = fetch("-o", out.toString(), url("/page"), url("/hop1"));
        assertThat(saved.exit()).isZero();
        assertThat(Files.readString(out.resolve("1-127.0.0.1-page"))).isEqualTo(PAGE);
        assertThat(Files.readString(out.resolve("2-127.0.0.1-page"))).as("named after the final URL").isEqualTo(PAGE);
    }

    @Test
    void humanOutputIsOneLinePerUrl() {
        Run run = fetch(url("/page"), url("/nothing-here"), url("/hop1"), "http://bad host/");
        assertThat(run.exit()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("200 OK +1024 B +\\d+ ms  " + java.util.regex.Pattern.quote(url("/page")));
        assertThat(lines.get(1)).startsWith("404 Not Found");
        assertThat(lines.get(2)).startsWith("200 OK").endsWith("-> " + url("/page") + " (2 redirects)");
        assertThat(lines.get(3)).startsWith("ERR InvalidUrlClientException");
        assertThat(run.err()).as("no progress bar when stderr is not a terminal").isEmpty();
    }

    @Test
    void onATerminalAProgressBarIsDrawnOnStderrAndWipedAtTheEnd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FetchCommand.run(List.of("-c", "1", url("/delay/150"), url("/page"), url("/delay/150")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
        assertThat(exit).isZero();
        String bar = err.toString(StandardCharsets.UTF_8);
        assertThat(bar).contains("] 1/3").contains("] 2/3").endsWith("\r\033[K");
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(3).noneMatch(l -> l.contains("\r"));
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        for (String[] args : new String[][] {{}, {"-c"}, {"-c", "0", "http://x/"}, {"--timeout", "soon", "http://x/"},
                {"--bogus", "http://x/"}, {"-H", "no colon", "http://x/"}, {"--resolve", "a:b:c", "http://x/"},
                {"--include-body", "http://x/"}, {"-k", "--cacert", "pom.xml", "http://x/"},
                {"--cacert", "/no/such/file.pem", "http://x/"}, {"--cacert", "pom.xml", "http://x/"},
                {"-X", "GE T", "http://x/"}}) {
            Run run = fetch(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("aio4j fetch: ");
            assertThat(run.out()).isEmpty();
        }
        Run help = fetch("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--resolve HOST:PORT:ADDR");
    }

    @Test
    void theMainCommandSaysHowToUseIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Main.run(List.of(), System.out, e)).isEqualTo(2);
        assertThat(Main.run(List.of("frobnicate"), System.out, e)).isEqualTo(2);
        assertThat(Main.run(List.of("demo", "7"), System.out, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: frobnicate")
                .contains("unknown demo argument: 7").contains("usage: aio4j demo");
    }
}
