package io.aio4j.http.internal.server;

import io.aio4j.http.web.Handler;
import io.aio4j.http.web.HttpStatusException;
import io.aio4j.http.web.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thread-safe (immutable once built). Finds the handler of a method and path: aiohttp.web's
 * {@code UrlDispatcher}. Patterns are literal paths with parameters: {@code {name}} matches one
 * segment, {@code {name:regex}} what the regex matches ({@code {tail:.*}} the rest of the path).
 * Routes are tried in the order they were added. A path no route matches is 404; a path some route
 * matches with another method is 405 with {@code Allow}. A {@code HEAD} with no route of its own is
 * served by the {@code GET} route (the server drops the body).
 */
public final class Router {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*(?:\\{[^{}]*}[^{}]*)*))?}");

    /** One route. */
    private record Route(String method, String pattern, Pattern regex, List<String> params, Handler handler) {
    }

    /**
     * What a lookup found.
     *
     * @param handler the route's handler
     * @param params the path parameters, decoded
     */
    public record Match(Handler handler, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Creates a router with no route: every path is 404 until routes are added. */
    public Router() {
    }

    /**
     * Adds a route.
     *
     * @param method the method, e.g. {@code "GET"}, or {@code "*"} for any
     * @param pattern the path pattern, starting with {@code /}
     * @param handler the handler
     * @throws IllegalArgumentException if the pattern is malformed
     */
    public void add(String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route's path must start with '/': " + pattern);
        }
        StringBuilder re = new StringBuilder();
        List<String> params = new ArrayList<>();
        Matcher m = PARAM.matcher(pattern);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(pattern.substring(last, m.start())));
            if (params.contains(m.group(1))) {
                throw new IllegalArgumentException("parameter {" + m.group(1) + "} appears twice in " + pattern);
            }
            params.add(m.group(1));
            re.append('(').append(m.group(2) != null ? "(?:" + m.group(2) + ")" : "[^/]+").append(')');
            last = m.end();
        }
        String rest = pattern.substring(last);
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("malformed parameter in route " + pattern);
        }
        re.append(Pattern.quote(rest));
        routes.add(new Route(method, pattern, Pattern.compile(re.toString()), List.copyOf(params), handler));
    }

    /**
     * Finds the handler of a request.
     *
     * @param method the request's method
     * @param path the decoded path
     * @return the match
     * @throws HttpStatusException 404 or 405
     */
    public Match find(String method, String path) {
        Set<String> allowed = new LinkedHashSet<>();
        Match getForHead = null;
        for (Route r : routes) {
            Matcher m = r.regex.matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (r.method.equals(method) || r.method.equals("*")) {
                return new Match(r.handler, params(r, m));
            }
            if (getForHead == null && method.equals("HEAD") && r.method.equals("GET")) {
                getForHead = new Match(r.handler, params(r, m));
            }
            allowed.add(r.method);
        }
        if (getForHead != null) {
            return getForHead;
        }
        if (allowed.isEmpty()) {
            throw new HttpStatusException(404);
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        throw new HttpStatusException(Response.text(Response.reasonOf(405)).status(405)
                .header("Allow", String.join(", ", allowed)), "method " + method + " not allowed for " + path);
    }

    private static Map<String, String> params(Route r, Matcher m) {
        if (r.params.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < r.params.size(); i++) {
            out.put(r.params.get(i), m.group(i + 1));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Router");
        for (Route r : routes) {
            sb.append(' ').append(r.method).append(' ').append(r.pattern);
        }
        return sb.append('>').toString();
    }
}
