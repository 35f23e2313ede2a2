package io.aio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.examples.demo.DemoSites;
import io.aio4j.testing.TestLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed article's three programs print what the article's Python prints. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SeedProgramsTest {
    static final List<String> PROGRAM_1 = List.of(
            "Fetching data from url1...",
            "Fetching data from url2...",
            "Fetching data from url3...",
            "Data from url1 fetched successfully.",
            "Data from url2 fetched successfully.",
            "Data from url3 fetched successfully.",
            "Results: [Data from url1, Data from url2, Data from url3]");

    /** Runs {@code body} with {@code System.out} captured; returns the lines printed. */
    static List<String> printed(Runnable body) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void program1OnVirtualTimeTakesTwoSecondsNotSix() {
        try (TestLoop loop = TestLoop.create()) {
            List<Duration> clock = new ArrayList<>();
            List<String> lines = printed(() -> loop.runTask(() -> {
                long start = loop.time();
                FetchData.main();
                clock.add(Duration.ofNanos(loop.time() - start));
                return null;
            }));
            assertThat(lines).containsExactlyElementsOf(PROGRAM_1);
            assertThat(clock).containsExactly(Duration.ofSeconds(2));
        }
    }

    @Test
    void program1InRealTimePrintsTheArticlesOutputAndAboutTwoSeconds() {
        List<String> lines = printed(() -> FetchData.main(new String[0]));
        assertThat(lines.subList(0, 7)).containsExactlyElementsOf(PROGRAM_1);
        assertThat(lines).hasSize(8);
        // loosely: at least the 2 s sleep, and far from the 6 s of three fetches one after another
        assertThat(lines.get(7)).matches("Time taken: [2-4]\\.\\d\\d seconds");
    }

    @Test
    void program2FetchesTheThreePagesFromTheEmbeddedServer() {
        List<String> lines = printed(() -> FetchWebpages.main(new String[0]));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("[offline] www.example.com, www.google.com and www.python.org are served"
                + " by an embedded aio4j HTTPS server on 127.0.0.1:");
        assertThat(lines.subList(1, 4)).containsExactly(
                "Content from https://www.example.com: <!doctype html><html><head><title>Example Domain</...",
                "Content from https://www.google.com: <!doctype html><html><head><title>Google</title></...",
                "Content from https://www.python.org: <!doctype html><html><head><title>Welcome to Pytho...");
    }

    @Test
    void program3PrintsTheBadUrlsDnsErrorAndTheOtherTwoPages() {
        List<String> lines = printed(() -> FetchWithErrorHandling.main(new String[0]));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("[offline] ");
        assertThat(lines.get(1)).startsWith("Error fetching https://invalid_url: Cannot connect to host invalid_url:443");
        assertThat(lines.subList(2, 4)).containsExactly(
                "Content from https://www.example.com: <!doctype html><html><head><title>Example Domain</...",
                "Content from https://www.python.org: <!doctype html><html><head><title>Welcome to Pytho...");
    }

    @Test
    void demoAllRunsTheThreeProgramsAfterOneBanner() {
        List<String> lines = printed(() -> Demo.run(List.of("all")));
        assertThat(lines.get(0)).startsWith("[offline] ");
        assertThat(lines).containsSubsequence(PROGRAM_1);
        assertThat(lines).filteredOn(l -> l.startsWith("Content from ")).hasSize(5);
        assertThat(lines).filteredOn(l -> l.startsWith("Error fetching https://invalid_url: ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("[offline] ")).hasSize(1);
    }

    @Test
    void theDemoSessionTrustsItsOwnServerOnly() {
        try (DemoSites sites = DemoSites.embedded()) {
            List<String> got = new ArrayList<>();
            io.aio4j.Aio.run(() -> {
                try (var plain = io.aio4j.http.ClientSession.builder().connector(io.aio4j.http.TcpConnector.defaults()
                        .withConnectTo("www.example.com", 443, "127.0.0.1", port(sites))).build()) {
                    plain.get("https://www.example.com/").close();
                    got.add("trusted");
                } catch (io.aio4j.http.ClientConnectorCertificateException e) {
                    got.add("refused");
                }
            });
            assertThat(got).as("a session with the JDK's trust store refuses the demo's certificate").containsExactly("refused");
        }
    }

    private static int port(DemoSites sites) {
        String banner = sites.banner();
        return Integer.parseInt(banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+).*", "$1"));
    }
}
