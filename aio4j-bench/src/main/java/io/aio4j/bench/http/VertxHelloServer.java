package io.aio4j.bench.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;

/**
 * The hello-world server of the HTTP server benchmark in Vert.x 5, the anchor issue 5's target
 * names: one event loop, as aio4j's {@code HelloServer} with one loop.
 * <pre>
 * VertxHelloServer --port P
 * </pre>
 * Runs until killed.
 */
public final class VertxHelloServer {
    private VertxHelloServer() {
    }

    /**
     * Runs the server.
     *
     * @param args see the class comment
     * @throws Exception if the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        int port = 8080;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpServer server = vertx.createHttpServer()
                .requestHandler(req -> req.response().putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("Hello, World!"))
                .listen(port, "127.0.0.1").await();
        System.out.println("READY " + server.actualPort());
    }
}
