package io.aio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code aio4j ps} attached to another JVM running a known task tree. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PsCommandTest {
    static Process target;
    static int monitorPort;

    @BeforeAll
    static void startTarget() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            monitorPort = s.getLocalPort();
        }
        target = new ProcessBuilder(javaBin, "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Daio4j.monitor=" + monitorPort, "-cp",
                System.getProperty("java.class.path"), PsFixture.class.getName())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<String> ready = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            StringBuilder said = new StringBuilder();
            try {
                String line;
                while ((line = out.readLine()) != null && !line.equals("ready")) {
                    said.append(line).append('\n'); // the JVM's own chatter, or why it failed
                }
                return line != null ? "ready" : said.toString();
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        assertThat(ready.get(30, TimeUnit.SECONDS)).as("the target JVM said it was ready").isEqualTo("ready");
    }

    @AfterAll
    static void stopTarget() throws InterruptedException {
        if (target != null) {
            target.destroyForcibly();
            target.waitFor(10, TimeUnit.SECONDS);
        }
    }

    record Run(int exit, String out, String err) {}

    static Run ps(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("ps"), java.util.stream.Stream.of(args))
                .toList(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theTreeOfTheOtherJvmShowsItsTasksUnderTheirCreators() {
        Run run = ps(String.valueOf(target.pid()));
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("loop 'aio4j-loop-\\d+' \\(thread main\\), 4 tasks");
        assertThat(run.out()).containsPattern("└── #\\d+ main \\[WAITING [\\d.]+ s\\] waits for sleep")
                .containsPattern("    └── #\\d+ supervisor \\[WAITING [\\d.]+ s\\] waits for TaskGroup-\\d+ of 'supervisor': its children to end")
                .containsPattern("        ├── #\\d+ worker-1 \\[WAITING [\\d.]+ s\\] in TaskGroup-\\d+ of 'supervisor' waits for sleep, \\d+\\.\\d s left")
                .containsPattern("        └── #\\d+ worker-2 ");
    }

    @Test
    void jsonHasOneSnapshotPerLoop() throws Exception {
        Run run = ps(String.valueOf(target.pid()), "--json");
        assertThat(run.exit()).isZero();
        JsonNode loops = new ObjectMapper().readTree(run.out());
        assertThat(loops.isArray()).isTrue();
        JsonNode tasks = loops.get(0).get("tasks");
        assertThat(tasks).extracting(t -> t.get("name").asText()).contains("main", "supervisor", "worker-1", "worker-2");
        assertThat(loops.get(0).get("statistics").get("iterations").asLong()).isPositive();
    }

    @Test
    void theSystemPropertyStartedTheMonitorPageWithTheFirstLoop() {
        String json = io.aio4j.Aio.run(() -> {
            try (var session = io.aio4j.http.ClientSession.create();
                    var r = session.get("http://127.0.0.1:" + monitorPort + "/api/loops")) {
                return r.text();
            }
        });
        assertThat(json).contains("\"name\":\"worker-1\"");
    }

    @Test
    void theListShowsTheTargetAndBadArgumentsAreUsageErrors() {
        Run list = ps();
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(target.pid() + "  " + PsFixture.class.getName());
        assertThat(ps("abc").exit()).isEqualTo(2);
        assertThat(ps("1", "--tree").exit()).isEqualTo(2);
        Run gone = ps("999999999");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).startsWith("aio4j ps: cannot attach to process 999999999");
    }
}
