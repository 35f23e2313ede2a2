package io.aio4j.net.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.LoopOptions;
import io.aio4j.Task;
import io.aio4j.internal.task.VirtualTimeLoop;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Resolver;
import io.aio4j.net.Resolvers;
import io.aio4j.net.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ResolversTest {
    private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");
    private static final InetAddress OTHER = InetAddress.ofLiteral("10.1.2.3");

    /** Answers every name with {@link #OTHER}, recording each call; fails names starting with "bad". */
    private static final class Recording implements Resolver {
        final List<String> calls = new CopyOnWriteArrayList<>();
        Duration delay = Duration.ZERO;

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            calls.add(host);
            if (!delay.isZero()) {
                Aio.sleep(delay);
            }
            if (host.startsWith("bad")) {
                throw new UnknownHostException(host + ": no such host (test)");
            }
            return List.of(OTHER);
        }
    }

    private static List<String> addresses(List<InetAddress> found) {
        return found.stream().map(InetAddress::getHostAddress).toList();
    }

    // ============================================================ mapping

    @Test
    void mappingAnswersFromItsTableIgnoringCaseAndATrailingDot() {
        Resolver r = Resolvers.mapping(Map.of("Example.com", List.of(LOOPBACK)), null);
        List<InetAddress> found = Aio.run(() -> r.resolve("EXAMPLE.COM."));
        assertThat(addresses(found)).containsExactly("127.0.0.1");
        assertThat(found.get(0).getHostName()).as("the address carries the name").isEqualTo("example.com");
    }

    @Test
    void wildcardsMatchNamesBelowTheirSuffixAndExactNamesWin() {
        Recording fallback = new Recording();
        Resolver r = Resolvers.mappingLiterals(Map.of(
                "*.example.org", "127.0.0.2",
                "*.deep.example.org", "127.0.0.3",
                "www.example.org", "127.0.0.4"), fallback);
        Aio.run(() -> {
            assertThat(addresses(r.resolve("a.example.org"))).containsExactly("127.0.0.2");
            assertThat(r.resolve("a.example.org").get(0).getHostName()).isEqualTo("a.example.org");
            assertThat(addresses(r.resolve("x.y.example.org"))).containsExactly("127.0.0.2");
            assertThat(addresses(r.resolve("x.deep.example.org"))).containsExactly("127.0.0.3");
            assertThat(addresses(r.resolve("www.example.org"))).containsExactly("127.0.0.4");
            assertThat(addresses(r.resolve("example.org"))).as("the apex is not below itself").containsExactly("10.1.2.3");
        });
        assertThat(fallback.calls).containsExactly("example.org");
    }

    @Test
    void namesOutsideTheTableGoToTheFallbackOrDoNotResolve() {
        Recording fallback = new Recording();
        Resolver withFallback = Resolvers.loopback(fallback, "service.test");
        Resolver alone = Resolvers.loopback(null, "service.test");
        Aio.run(() -> {
            assertThat(addresses(withFallback.resolve("service.test"))).containsExactly("127.0.0.1");
            assertThat(addresses(withFallback.resolve("elsewhere.test"))).containsExactly("10.1.2.3");
            assertThatThrownBy(() -> alone.resolve("elsewhere.test")).isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("elsewhere.test").hasMessageContaining("no fallback");
        });
        assertThat(fallback.calls).containsExactly("elsewhere.test");
        assertThat(alone.toString()).contains("service.test");
    }

    @Test
    void malformedTablesAreRefusedWhenMade() {
        assertThatThrownBy(() -> Resolvers.mappingLiterals(Map.of("a.test", "not-an-address"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.test");
        assertThatThrownBy(() -> Resolvers.mapping(Map.of("a.test", List.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no address");
        assertThatThrownBy(() -> Resolvers.loopback(null, "a.*.test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> Resolvers.loopback(null, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Resolvers.mappingLiterals(Map.of("v6.test", "[::1]"), null)).isNotNull();
    }

    @Test
    void aMappedNameConnectsToALocalServer() {
        String got = Aio.run(() -> {
            try (Server server = Net.startServer((r, w) -> {
                w.write(r.readLine());
                w.drain();
            }, "127.0.0.1", 0)) {
                int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
                ConnectOptions options = ConnectOptions.defaults()
                        .withResolver(Resolvers.loopback(Resolvers.system(), "api.example.com"));
                try (Connection c = Net.openConnection("api.example.com", port, options)) {
                    c.writer().write("through the table\n".getBytes(StandardCharsets.UTF_8));
                    c.writer().drain();
                    return new String(c.reader().readLine(), StandardCharsets.UTF_8);
                }
            }
        });
        assertThat(got).isEqualTo("through the table\n");
    }

    // ============================================================ system

    @Test
    void theSystemResolverIsTheLoopsDefault() {
        List<InetAddress> found = Aio.run(() -> Resolvers.system().resolve("localhost"));
        assertThat(found).isNotEmpty().allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
        assertThat(Aio.run(() -> Resolvers.system().resolve("127.0.0.1"))).containsExactly(LOOPBACK);
        assertThat(Resolvers.system()).hasToString("Resolvers.system()");
    }

    @Test
    void theSystemResolverSaysWhatToDoOutsideATask() {
        assertThatThrownBy(() -> Resolvers.system().resolve("localhost")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Aio.run");
    }

    // ============================================================ caching

    @Test
    void cachingKeepsAnAnswerForItsTimeToLiveOnTheLoopsClock() {
        Recording delegate = new Recording();
        Resolver r = Resolvers.caching(delegate, Duration.ofSeconds(30));
        try (VirtualTimeLoop loop = new VirtualTimeLoop(LoopOptions.defaults(), true)) {
            loop.runTask(() -> {
                r.resolve("a.test");
                r.resolve("A.test");
                Aio.sleep(Duration.ofSeconds(29));
                r.resolve("a.test");
                Aio.sleep(Duration.ofSeconds(2));
                r.resolve("a.test");
                return null;
            });
        }
        assertThat(delegate.calls).containsExactly("a.test", "a.test");
    }

    @Test
    void concurrentLookupsOfOneNameShareOneCall() {
        Recording delegate = new Recording();
        delegate.delay = Duration.ofMillis(20);
        Resolver r = Resolvers.caching(delegate, Duration.ZERO);
        List<List<InetAddress>> answers = Aio.run(() -> {
            List<Future<List<InetAddress>>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(Aio.createTask(() -> r.resolve("shared.test")));
            }
            return Aio.gather(tasks);
        });
        assertThat(answers).hasSize(10).allSatisfy(a -> assertThat(addresses(a)).containsExactly("10.1.2.3"));
        assertThat(delegate.calls).containsExactly("shared.test");
    }

    @Test
    void aCancelledCallerLeavesTheLookupRunningForTheOthers() {
        Recording delegate = new Recording();
        delegate.delay = Duration.ofMillis(50);
        Resolver r = Resolvers.caching(delegate, Duration.ofMinutes(1));
        List<String> events = new ArrayList<>();
        Aio.run(() -> {
            Task<List<InetAddress>> first = Aio.createTask(() -> r.resolve("c.test"));
            Task<List<InetAddress>> second = Aio.createTask(() -> r.resolve("c.test"));
            Aio.sleep(Duration.ofMillis(10));
            first.cancel(null);
            events.add("second got " + addresses(Aio.await(second)));
            events.add("first cancelled: " + first.cancelled());
            events.add("cached: " + addresses(r.resolve("c.test")));
        });
        assertThat(events).containsExactly("second got [10.1.2.3]", "first cancelled: true", "cached: [10.1.2.3]");
        assertThat(delegate.calls).containsExactly("c.test");
    }

    @Test
    void failuresAreNotCached() {
        Recording delegate = new Recording();
        Resolver r = Resolvers.caching(delegate, Duration.ofMinutes(1));
        Aio.run(() -> {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> r.resolve("bad.test")).isInstanceOf(UnknownHostException.class)
                        .hasMessageContaining("no such host");
            }
        });
        assertThat(delegate.calls).containsExactly("bad.test", "bad.test");
    }

    @Test
    void oneCachingResolverServesLoopsOnSeveralThreads() throws Exception {
        Recording delegate = new Recording();
        delegate.delay = Duration.ofMillis(20);
        Resolver r = Resolvers.caching(delegate, Duration.ofMinutes(1));
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    Aio.run(() -> {
                        List<Future<List<InetAddress>>> tasks = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            tasks.add(Aio.createTask(() -> r.resolve("many.test")));
                        }
                        Aio.gather(tasks);
                    });
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(20_000);
        }
        assertThat(failures).isEmpty();
        assertThat(delegate.calls).as("at most one lookup per loop at a time").hasSizeBetween(1, 4);
    }
}
