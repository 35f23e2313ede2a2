package io.aio4j.bench.http;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP client workload of issue 5: N GETs of one URL (a 1 KiB file from a local nginx), at
 * most C in flight over keep-alive connections. Each body is read whole and its length checked.
 * The first round in the fresh JVM is timed as the cold figure; after {@code --warmup} more
 * unmeasured requests, {@code --rounds} more rounds are timed and the warm figure is their median
 * (one 20,000-request round lasts under a second here, so one GC or a late JIT compilation would
 * otherwise decide it). Prints one line:
 * <pre>
 * RESULT system=aio4j requests=20000 concurrency=50 seconds=0.512 rps=39062.5 cold_rps=24107.1
 * </pre>
 * <pre>
 * HttpClientBench --system aio4j|jdk|vertx --url URL [--requests 20000] [--concurrency 50] [--warmup 40000] [--rounds 5]
 * </pre>
 * {@code aio4j}: one {@link ClientSession} on one loop, C tasks taking requests from a counter.
 * {@code jdk}: {@code java.net.http.HttpClient} (HTTP/1.1) with {@code sendAsync}, C in flight.
 * {@code vertx}: Vert.x 5's {@code WebClient} on one event loop, a pool of C, C requests in flight.
 */
public final class HttpClientBench {
    private HttpClientBench() {
    }

    /**
     * Runs the workload.
     *
     * @param args see the class comment
     * @throws Exception if a request fails
     */
    public static void main(String[] args) throws Exception {
        String system = arg(args, "--system", "aio4j");
        String url = arg(args, "--url", null);
        int requests = Integer.parseInt(arg(args, "--requests", "20000"));
        int concurrency = Integer.parseInt(arg(args, "--concurrency", "50"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "40000"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "5"));
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        double[] seconds = switch (system) {
            case "aio4j" -> Aio.run(() -> {
                try (ClientSession session = ClientSession.create()) {
                    return timed(n -> aio4j(session, url, n, concurrency), requests, warmup, rounds);
                }
            });
            case "jdk" -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                yield timed(n -> jdk(client, url, n, concurrency), requests, warmup, rounds);
            }
            case "vertx" -> {
                Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
                try {
                    WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
                            new PoolOptions().setHttp1MaxSize(concurrency));
                    yield timed(n -> vertx(client, url, n, concurrency), requests, warmup, rounds);
                } finally {
                    vertx.close().await();
                }
            }
            default -> throw new IllegalArgumentException("unknown --system " + system);
        };
        System.out.printf(Locale.ROOT, "RESULT system=%s requests=%d concurrency=%d seconds=%.3f rps=%.1f cold_rps=%.1f%n",
                system, requests, concurrency, seconds[1], requests / seconds[1], requests / seconds[0]);
    }

    /** One round of {@code n} requests. */
    private interface Round {
        void run(int n) throws Exception;
    }

    /** Times a cold round, runs the warm-up, times warm rounds: {cold seconds, median warm seconds}. */
    private static double[] timed(Round round, int requests, int warmup, int rounds) throws Exception {
        double cold = seconds(round, requests);
        round.run(warmup);
        double[] warm = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            warm[i] = seconds(round, requests);
        }
        Arrays.sort(warm);
        return new double[] {cold, warm[rounds / 2]};
    }

    private static double seconds(Round round, int requests) throws Exception {
        long start = System.nanoTime();
        round.run(requests);
        return (System.nanoTime() - start) / 1e9;
    }

    private static void aio4j(ClientSession session, String url, int n, int concurrency) {
        AtomicInteger next = new AtomicInteger();
        List<Task<Void>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(Aio.createTask(() -> {
                while (next.getAndIncrement() < n) {
                    try (ClientResponse r = session.get(url)) {
                        byte[] body = r.read();
                        if (r.status() != 200 || body.length == 0) {
                            throw new IllegalStateException("bad response " + r.status() + " of " + body.length + " bytes");
                        }
                    }
                }
            }));
        }
        Aio.gather(workers);
    }

    private static void jdk(HttpClient client, String url, int n, int concurrency) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            slots.acquire();
            all.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                slots.release();
                if (e == null && (r.statusCode() != 200 || r.body().length == 0)) {
                    throw new IllegalStateException("bad response " + r.statusCode());
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    private static void vertx(WebClient client, String url, int n, int concurrency) throws Exception {
        URI u = URI.create(url);
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger done = new AtomicInteger();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (started.getAndIncrement() >= n) {
                return;
            }
            client.get(u.getPort(), u.getHost(), u.getPath()).send().onComplete(ar -> {
                if (ar.failed() || ar.result().statusCode() != 200 || ar.result().body().length() == 0) {
                    all.completeExceptionally(ar.failed() ? ar.cause() : new IllegalStateException("bad response"));
                    return;
                }
                if (done.incrementAndGet() == n) {
                    all.complete(null);
                } else {
                    next[0].run();
                }
            });
        };
        for (int i = 0; i < concurrency; i++) {
            next[0].run();
        }
        all.get();
    }

    private static String arg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }
}
