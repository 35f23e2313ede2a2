package io.aio4j.http.monitor;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.HttpStatusException;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebServer;
import io.aio4j.http.web.WebServerOptions;
import io.aio4j.net.MultiLoopServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A live view of this JVM's event loops in a browser, aiomonitor's role: a page that shows each
 * loop's task tree (who created whom, which group owns which), what each task waits for and for how
 * long, its stack, the loop's rates (callbacks, wake-ups and I/O events per second, timers pending)
 * and the watchdog's recent reports, refreshed every second, with a button to cancel a task. It is
 * served by aio4j's own HTTP server, on a loop and thread of its own, bound to {@code 127.0.0.1}
 * only: anyone who can reach it can cancel tasks.
 * {@snippet :
 * try (Monitor monitor = Monitor.start(50101)) { // http://127.0.0.1:50101/
 *     Aio.run(() -> serve());
 * }
 * }
 * Routes: {@code GET /} the page; {@code GET /api/loops} every live loop's
 * {@link io.aio4j.LoopSnapshot#toJson()} as a JSON array (the monitor's own loop left out);
 * {@code POST /api/tasks/{id}/cancel} cancels a task ({@code 404} when no live task has that id).
 */
public final class Monitor implements AutoCloseable {
    /** The loops of running monitors, left out of what monitors show. */
    private static final java.util.Set<EventLoop> MONITOR_LOOPS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final MultiLoopServer server;

    private Monitor(MultiLoopServer server) {
        this.server = server;
        MONITOR_LOOPS.addAll(server.loops());
    }

    /**
     * Starts a monitor on {@code 127.0.0.1:port}, on a loop thread of its own. Call it from any
     * thread, before or inside {@code Aio.run}.
     *
     * @param port the port; {@code 0} picks a free one ({@link #port()})
     * @return the running monitor; close it to stop it
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Monitor start(int port) {
        String page = page();
        Application app = Application.builder()
                .get("/", r -> Response.html(page))
                .get("/api/loops", r -> Response.bytes(Aio.toThread(Monitor::loopsJson).getBytes(StandardCharsets.UTF_8),
                        "application/json").header("Cache-Control", "no-store"))
                .post("/api/tasks/{id:\\d+}/cancel", r -> {
                    long id = Long.parseLong(r.pathParam("id"));
                    if (!Aio.toThread(() -> cancel(id))) {
                        throw new HttpStatusException(404, "no live task has id " + id);
                    }
                    return Response.bytes("{\"cancelled\":true}".getBytes(StandardCharsets.UTF_8), "application/json");
                })
                .build();
        try {
            return new Monitor(WebServer.startOnLoops(1, app, "127.0.0.1", port, WebServerOptions.defaults()));
        } catch (IOException e) {
            throw new UncheckedIOException("the aio4j monitor could not listen on 127.0.0.1:" + port, e);
        }
    }

    /**
     * Returns the port the monitor listens on.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * Returns the page's address.
     *
     * @return {@code http://127.0.0.1:PORT/}
     */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** Stops the monitor; the loops it showed go on. */
    @Override
    public void close() {
        server.close();
        server.loops().forEach(MONITOR_LOOPS::remove);
    }

    /** Every live loop's snapshot but the monitors', as a JSON array. Off the loop: snapshots wait for their loops. */
    private static String loopsJson() {
        StringBuilder sb = new StringBuilder("[");
        for (EventLoop loop : EventLoop.liveLoops()) {
            if (MONITOR_LOOPS.contains(loop)) {
                continue;
            }
            sb.append(sb.length() == 1 ? "" : ",").append(loop.snapshot().toJson());
        }
        return sb.append(']').toString();
    }

    /** Cancels the task with that id on its own loop's thread; tells whether one was found. */
    private static boolean cancel(long id) throws Exception {
        for (EventLoop loop : EventLoop.liveLoops()) {
            CompletableFuture<Boolean> found = new CompletableFuture<>();
            try {
                loop.callSoonThreadsafe(() -> {
                    for (Task<?> t : loop.allTasks()) {
                        if (t.id() == id) {
                            found.complete(t.cancel("cancelled from the aio4j monitor"));
                            return;
                        }
                    }
                    found.complete(false);
                });
            } catch (RuntimeException closed) {
                continue; // closed since it was listed
            }
            if (found.get(2, TimeUnit.SECONDS)) {
                return true;
            }
        }
        return false;
    }

    private static String page() {
        try (InputStream in = Monitor.class.getResourceAsStream("monitor.html")) {
            if (in == null) {
                throw new IllegalStateException("monitor.html is missing from aio4j-http's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "<Monitor " + url() + ">";
    }
}
