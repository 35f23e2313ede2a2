package io.aio4j.http.web;

import io.aio4j.http.internal.server.PathParams;
import io.aio4j.http.internal.server.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A web application: routes and middlewares, aiohttp.web's {@code Application}. Immutable once
 * built, so one application can serve on several loops at once.
 * <pre>{@code
 * Application app = Application.builder()
 *         .get("/", request -> Response.text("Hello"))
 *         .get("/users/{id}", request -> Response.json(users.find(request.pathParam("id"))))
 *         .post("/users", request -> Response.json(users.add(request.json(User.class))).status(201))
 *         .middleware(logging)
 *         .build();
 * try (WebServer server = WebServer.start(app, "127.0.0.1", 8080)) {
 *     server.serveForever();
 * }
 * }</pre>
 */
public final class Application {
    /** aiohttp's {@code client_max_size}: the largest body {@link Request#read()} accepts. */
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    private final Router router;
    private final Handler handler;
    private final long maxBodySize;

    private Application(Builder b) {
        this.router = b.router;
        this.maxBodySize = b.maxBodySize;
        Handler h = request -> {
            Router.Match m = router.find(request.method(), request.path());
            if (request instanceof PathParams p) {
                p.pathParams(m.params());
            }
            return m.handler().handle(request);
        };
        for (int i = b.middlewares.size() - 1; i >= 0; i--) {
            Middleware m = b.middlewares.get(i);
            Handler next = h;
            h = request -> m.handle(request, next);
        }
        this.handler = h;
    }

    /**
     * Returns a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the whole application as one handler: the middlewares, then the router. The server
     * calls it for each request.
     *
     * @return the handler
     */
    public Handler handler() {
        return handler;
    }

    /**
     * Returns the largest body {@link Request#read()} accepts.
     *
     * @return the size in bytes
     */
    public long maxBodySize() {
        return maxBodySize;
    }

    @Override
    public String toString() {
        return "<Application " + router + ">";
    }

    /** Builds an {@link Application}. Not thread-safe. */
    public static final class Builder {
        private final Router router = new Router();
        private final List<Middleware> middlewares = new ArrayList<>();
        private long maxBodySize = DEFAULT_MAX_BODY;

        private Builder() {
        }

        /**
         * Adds a route for a method.
         *
         * @param method the method, or {@code "*"} for any
         * @param pattern the path pattern, e.g. {@code /users/{id}} or {@code /static/{tail:.*}}
         * @param handler the handler
         * @return this
         */
        public Builder route(String method, String pattern, Handler handler) {
            router.add(Objects.requireNonNull(method, "method"), pattern, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Adds a GET route (which serves HEAD too).
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this
         */
        public Builder get(String pattern, Handler handler) {
            return route("GET", pattern, handler);
        }

        /**
         * Adds a POST route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this
         */
        public Builder post(String pattern, Handler handler) {
            return route("POST", pattern, handler);
        }

        /**
         * Adds a PUT route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this
         */
        public Builder put(String pattern, Handler handler) {
            return route("PUT", pattern, handler);
        }

        /**
         * Adds a PATCH route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this
         */
        public Builder patch(String pattern, Handler handler) {
            return route("PATCH", pattern, handler);
        }

        /**
         * Adds a DELETE route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this
         */
        public Builder delete(String pattern, Handler handler) {
            return route("DELETE", pattern, handler);
        }

        /**
         * Adds a middleware; the first added is the outermost.
         *
         * @param middleware the middleware
         * @return this
         */
        public Builder middleware(Middleware middleware) {
            middlewares.add(Objects.requireNonNull(middleware, "middleware"));
            return this;
        }

        /**
         * Sets the largest body {@link Request#read()} accepts (default 1 MiB).
         *
         * @param bytes the size
         * @return this
         */
        public Builder maxBodySize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBodySize must not be negative: " + bytes);
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * Builds the application.
         *
         * @return the application
         */
        public Application build() {
            return new Application(this);
        }
    }
}
