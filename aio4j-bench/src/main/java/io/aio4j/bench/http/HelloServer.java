package io.aio4j.bench.http;

import io.aio4j.Aio;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebServer;
import io.aio4j.http.web.WebServerOptions;
import io.aio4j.net.MultiLoopServer;

/**
 * The HTTP server workload of issue 5: a hello-world handler, for {@code wrk -t1 -c50 -d5s}.
 * <pre>
 * HelloServer --port P [--loops 1]
 * </pre>
 * With one loop it runs in {@code Aio.run} on the main thread; with more, on a
 * {@link MultiLoopServer}. Runs until killed.
 */
public final class HelloServer {
    private HelloServer() {
    }

    /**
     * Runs the server.
     *
     * @param args see the class comment
     * @throws Exception if the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(arg(args, "--port", "8080"));
        int loops = Integer.parseInt(arg(args, "--loops", "1"));
        Application app = Application.builder().get("/", r -> Response.text("Hello, World!")).build();
        if (loops > 1) {
            MultiLoopServer server = WebServer.startOnLoops(loops, app, "127.0.0.1", port, WebServerOptions.defaults());
            System.out.println("READY " + server.port());
            server.awaitClosed();
            return;
        }
        Aio.run(() -> {
            try (WebServer server = WebServer.start(app, "127.0.0.1", port)) {
                System.out.println("READY " + server.port());
                server.serveForever();
            }
        });
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
