package io.aio4j.http.client;

import static io.aio4j.http.client.ClientFaultsTest.run;
import static io.aio4j.http.client.RawHttp.readRequest;
import static io.aio4j.http.client.RawHttp.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientResponseException;
import io.aio4j.http.ClientSession;
import io.aio4j.http.InvalidUrlClientException;
import io.aio4j.http.InvalidUrlRedirectClientException;
import io.aio4j.http.NonHttpUrlClientException;
import io.aio4j.http.NonHttpUrlRedirectClientException;
import io.aio4j.http.TcpConnector;
import io.aio4j.http.TooManyRedirectsException;
import io.aio4j.http.internal.client.Session;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Resolvers;
import io.aio4j.net.Server;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects (F27-F30) and URL checks. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientRedirectTest {

    /** Redirects every path {@code /r/N} to {@code /r/N-1} with the given status, and answers {@code /r/0}. */
    static ConnectionHandler chain(int status, List<RawHttp.Request> seen) {
        return (r, w) -> {
            RawHttp.Request req;
            while ((req = readRequest(r)) != null) {
                seen.add(req);
                String path = req.requestLine().split(" ")[1];
                int n = path.startsWith("/r/") ? Integer.parseInt(path.substring(3)) : 0;
                w.write(n == 0 ? response(200, "OK", "done " + req.requestLine().split(" ")[0] + " " + req.bodyText())
                        : response(status, "Moved", "moving", "Location: /r/" + (n - 1)));
                w.drain();
            }
        };
    }

    // F30
    @ParameterizedTest
    @CsvSource({"301, POST, GET, ''", "302, POST, GET, ''", "303, POST, GET, ''", "303, PUT, GET, ''",
        "307, POST, POST, body", "308, PUT, PUT, body", "302, PUT, PUT, body"})
    void redirectsRewriteTheMethodAsBrowsersDo(int status, String method, String after, String body) {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        run(chain(status, seen), (url, s) -> {
            try (ClientResponse r = s.request(method, url + "r/2", q -> q.text("body"))) {
                assertThat(r.text()).isEqualTo("done " + after + " " + body);
                assertThat(r.history()).hasSize(2);
                assertThat(r.history().get(0).status()).isEqualTo(status);
                assertThat(r.url().getPath()).isEqualTo("/r/0");
            }
            assertThat(seen).hasSize(3);
            if (after.equals("GET")) {
                assertThat(seen.get(2).header("Content-Type")).isNull();
            }
            assertThat(((Session) s).idleConnections()).as("the redirects' connection was reused").isEqualTo(1);
        });
    }

    @Test
    void aStreamedBodyIsNotResentOnA307() {
        run(chain(307, new CopyOnWriteArrayList<>()), (url, s) -> assertThatThrownBy(
                () -> s.post(url + "r/1", q -> q.stream(List.of("x".getBytes()).iterator())))
                .isInstanceOf(ClientResponseException.class).hasMessageContaining("streamed body"));
    }

    // F27
    @Test
    void aRedirectLoopStopsAfterTenWithTheHistory() {
        run((r, w) -> {
            while (readRequest(r) != null) {
                w.write(response(302, "Found", "", "Location: /self"));
                w.drain();
            }
        }, (url, s) -> {
            assertThatThrownBy(() -> s.get(url + "self")).isInstanceOfSatisfying(TooManyRedirectsException.class,
                    e -> assertThat(e.history()).hasSize(11));
            try (ClientResponse r = s.get(url + "self", q -> q.maxRedirects(2).allowRedirects(false))) {
                assertThat(r.status()).isEqualTo(302);
            }
        });
    }

    // F29
    @ParameterizedTest
    @ValueSource(strings = {"gopher://x/", "file:///etc/passwd", "http://", "http://bad host/"})
    void aRedirectToANonHttpOrInvalidUrlIsNotFollowed(String location) {
        run((r, w) -> {
            while (readRequest(r) != null) {
                w.write(response(302, "Found", "", "Location: " + location));
                w.drain();
            }
        }, (url, s) -> assertThatThrownBy(() -> s.get(url)).isInstanceOfAny(NonHttpUrlRedirectClientException.class,
                InvalidUrlRedirectClientException.class));
    }

    @Test
    void aRedirectWithoutLocationIsReturnedAsItIs() {
        run((r, w) -> {
            while (readRequest(r) != null) {
                w.write(response(302, "Found", "no location"));
                w.drain();
            }
        }, (url, s) -> assertThat(s.get(url).status()).isEqualTo(302));
    }

    // F28
    @Test
    void credentialsAreDroppedWhenTheOriginChanges() {
        List<RawHttp.Request> seen = new CopyOnWriteArrayList<>();
        Aio.run(() -> {
            Server target = RawHttp.start((r, w) -> {
                RawHttp.Request req;
                while ((req = readRequest(r)) != null) {
                    seen.add(req);
                    w.write(response(200, "OK", "there"));
                    w.drain();
                }
            });
            String other = "http://other.test:" + RawHttp.port(target) + "/landing";
            Server origin = RawHttp.start((r, w) -> {
                RawHttp.Request req;
                while ((req = readRequest(r)) != null) {
                    seen.add(req);
                    w.write(req.requestLine().contains("/same") ? response(302, "Found", "", "Location: /landing")
                            : response(302, "Found", "", "Location: " + other));
                    w.drain();
                }
            });
            String base = "http://127.0.0.1:" + RawHttp.port(origin);
            try (ClientSession s = ClientSession.builder().connector(TcpConnector.defaults().withResolver(
                    Resolvers.mappingLiterals(Map.of("other.test", "127.0.0.1"), Resolvers.system()))).build()) {
                s.get(base + "/away", q -> q.header("Authorization", "Basic eDp5").header("Cookie", "a=b")
                        .header("X-Keep", "1")).close();
                s.get(base + "/same", q -> q.header("Authorization", "Basic eDp5")).close();
            }
            origin.close();
            target.close();
        });
        assertThat(seen.get(1).header("Host")).startsWith("other.test:");
        assertThat(seen.get(1).header("Authorization")).isNull();
        assertThat(seen.get(1).header("Cookie")).isNull();
        assertThat(seen.get(1).header("X-Keep")).isEqualTo("1");
        assertThat(seen.get(3).header("Authorization")).as("same origin keeps it").isEqualTo("Basic eDp5");
    }

    @Test
    void badRequestUrlsAreRefusedWithTypedErrors() {
        run((r, w) -> { }, (url, s) -> {
            assertThatThrownBy(() -> s.get("ftp://example.com/")).isInstanceOf(NonHttpUrlClientException.class);
            assertThatThrownBy(() -> s.get("/relative")).isInstanceOf(InvalidUrlClientException.class)
                    .hasMessageContaining("base URL");
            assertThatThrownBy(() -> s.get("http:///nohost")).isInstanceOf(InvalidUrlClientException.class);
            assertThatThrownBy(() -> s.get("http://a b/")).isInstanceOf(InvalidUrlClientException.class);
        });
    }

    @Test
    void aBaseUrlResolvesRelativeOnes() {
        Aio.run(() -> {
            Server server = RawHttp.start((r, w) -> {
                RawHttp.Request req;
                while ((req = readRequest(r)) != null) {
                    w.write(response(200, "OK", req.requestLine() + " " + req.header("X-Default")));
                    w.drain();
                }
            });
            try (ClientSession s = ClientSession.builder().baseUrl(RawHttp.url(server, "/api/"))
                    .header("X-Default", "d").build()) {
                assertThat(s.get("users?id=1").text()).isEqualTo("GET /api/users?id=1 HTTP/1.1 d");
                assertThat(s.get("/root", q -> q.header("X-Default", "mine")).text())
                        .isEqualTo("GET /root HTTP/1.1 mine");
            }
            server.close();
        });
    }
}
