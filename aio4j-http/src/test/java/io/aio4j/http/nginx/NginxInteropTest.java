package io.aio4j.http.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.http.internal.client.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a real nginx: keep-alive reuse, gzip with chunked framing, large files, closing peers. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NginxInteropTest {
    private static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!Nginx.available()) {
            if (ci) {
                throw new IllegalStateException("nginx is missing: .ci/run installs it (Debian package nginx-light)");
            }
            assumeTrue(false, "nginx is not installed (apt-get install nginx-light)");
        }
        nginx = new Nginx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void manyRequestsReuseAFewConnections() {
        Aio.run(() -> {
            Set<String> connections = new HashSet<>();
            try (ClientSession s = ClientSession.create()) {
                for (int round = 0; round < 5; round++) {
                    List<Task<String>> tasks = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        tasks.add(Aio.createTask(() -> {
                            try (ClientResponse r = s.get(nginx.url("/1k.txt"))) {
                                assertThat(r.status()).isEqualTo(200);
                                assertThat(r.read()).hasSize(1024);
                                return r.headers().get("X-Connection");
                            }
                        }));
                    }
                    connections.addAll(Aio.gather(tasks));
                }
                assertThat(connections).as("50 requests, 10 at a time").hasSizeLessThanOrEqualTo(10);
                assertThat(((Session) s).idleConnections()).isEqualTo(connections.size());
            }
        });
    }

    @Test
    void gzippedChunkedTextIsDecoded() {
        Aio.run(() -> {
            try (ClientSession s = ClientSession.create(); ClientResponse r = s.get(nginx.url("/text.txt"))) {
                assertThat(r.headers().get("Content-Encoding")).isEqualTo("gzip");
                assertThat(r.headers().get("Transfer-Encoding")).isEqualTo("chunked");
                assertThat(r.text()).isEqualTo("the quick brown fox jumps over the lazy dog\n".repeat(2000));
            }
        });
    }

    @Test
    void aLargeFileArrivesWholeReadAsAStreamOrAtOnce() {
        Aio.run(() -> {
            try (ClientSession s = ClientSession.create()) {
                try (ClientResponse r = s.get(nginx.url("/big.bin"))) {
                    assertThat(r.contentLength()).isEqualTo(nginx.big.length);
                    assertThat(r.read()).isEqualTo(nginx.big);
                }
                try (ClientResponse r = s.get(nginx.url("/big.bin"))) {
                    var content = r.content();
                    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                    byte[] piece;
                    while ((piece = content.read(100_000)).length > 0) {
                        got.writeBytes(piece);
                    }
                    assertThat(got.toByteArray()).isEqualTo(nginx.big);
                }
            }
        });
    }

    @Test
    void aServerThatClosesEachConnectionIsNotPooled() {
        Aio.run(() -> {
            Set<String> connections = new HashSet<>();
            try (ClientSession s = ClientSession.create()) {
                for (int i = 0; i < 3; i++) {
                    try (ClientResponse r = s.get("http://127.0.0.1:" + nginx.closingPort() + "/1k.txt")) {
                        assertThat(r.headers().get("Connection")).isEqualTo("close");
                        assertThat(r.read()).hasSize(1024);
                        connections.add(r.headers().get("X-Connection"));
                    }
                }
                assertThat(connections).hasSize(3);
                assertThat(((Session) s).idleConnections()).isZero();
            }
        });
    }

    @Test
    void redirectsHeadAndNotFound() {
        Aio.run(() -> {
            try (ClientSession s = ClientSession.create()) {
                try (ClientResponse r = s.get(nginx.url("/redirect"))) {
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.history()).hasSize(1);
                    assertThat(r.url().getPath()).isEqualTo("/1k.txt");
                }
                try (ClientResponse r = s.head(nginx.url("/big.bin"))) {
                    assertThat(r.contentLength()).isEqualTo(nginx.big.length);
                    assertThat(r.read()).isEmpty();
                }
                try (ClientResponse r = s.get(nginx.url("/missing"))) {
                    assertThat(r.status()).isEqualTo(404);
                    assertThat(r.text()).contains("404 Not Found");
                }
                try (ClientResponse r = s.get(nginx.url("/1k.txt"))) {
                    assertThat(r.read()).hasSize(1024);
                }
                assertThat(((Session) s).openConnections()).as("all on one kept-alive connection").isEqualTo(1);
            }
        });
    }
}
