package io.aio4j.examples.demo;

import io.aio4j.http.ClientSession;
import io.aio4j.http.TcpConnector;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebServer;
import io.aio4j.http.web.WebServerOptions;
import io.aio4j.net.ClientTls;
import io.aio4j.net.MultiLoopServer;
import io.aio4j.net.ServerTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the web-fetching demos get their pages. The machine may have no Internet, so by default an
 * embedded aio4j HTTPS server serves {@code www.example.com}, {@code www.google.com} and
 * {@code www.python.org} on {@code 127.0.0.1}, with a certificate made for them when it starts;
 * the sessions from {@link #sessions()} connect there for those three sites (port 443) and trust
 * that certificate, and only they do. Any other host, {@code invalid_url} included, goes through
 * the system resolver as usual. {@link #live()} uses the real sites and the JDK's trust store.
 */
public final class DemoSites implements AutoCloseable {
    /** The sites the embedded server serves, and the start of each page. */
    static final Map<String, String> PAGES = Map.of(
            "www.example.com", page("Example Domain",
                    "This domain is for use in illustrative examples in documents."),
            "www.google.com", page("Google",
                    "Search the world's information, including webpages, images, videos and more."),
            "www.python.org", page("Welcome to Python.org",
                    "The official home of the Python Programming Language."));

    private final MultiLoopServer server;
    private final String certificatePem;

    private DemoSites(MultiLoopServer server, String certificatePem) {
        this.server = server;
        this.certificatePem = certificatePem;
    }

    /**
     * Starts the embedded server on a loop thread of its own; blocks until it listens.
     *
     * @return the sites, served locally
     * @throws UncheckedIOException if no port on 127.0.0.1 can be bound
     */
    public static DemoSites embedded() {
        SelfSignedCertificate cert = SelfSignedCertificate.generate(Duration.ofDays(1), List.copyOf(PAGES.keySet()));
        Application app = Application.builder().get("/", request -> {
            String host = request.headers().get("Host");
            String page = host == null ? null : PAGES.get(host.toLowerCase(Locale.ROOT).replaceFirst(":443$", ""));
            return page == null ? Response.text("this demo server has no site " + host).status(421) : Response.html(page);
        }).build();
        WebServerOptions options = WebServerOptions.defaults()
                .withTls(ServerTls.fromPemText(cert.certificatePem(), cert.privateKeyPem()));
        try {
            return new DemoSites(WebServer.startOnLoops(1, app, "127.0.0.1", 0, options), cert.certificatePem());
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's HTTPS server could not listen on 127.0.0.1", e);
        }
    }

    /**
     * Uses the real sites: no server, default sessions.
     *
     * @return the sites, on the Internet
     */
    public static DemoSites live() {
        return new DemoSites(null, null);
    }

    /**
     * Returns {@link #live()} if the arguments hold {@code --live}, else {@link #embedded()}.
     *
     * @param args a program's arguments
     * @return the sites
     */
    public static DemoSites fromArgs(String[] args) {
        return Arrays.asList(args).contains("--live") ? live() : embedded();
    }

    /**
     * Returns a builder of sessions that reach these sites. Build sessions in a task.
     *
     * @return a new builder
     */
    public ClientSession.Builder sessions() {
        if (server == null) {
            return ClientSession.builder();
        }
        TcpConnector connector = TcpConnector.defaults().withTls(ClientTls.trustingPem(certificatePem));
        for (String host : PAGES.keySet()) {
            connector = connector.withConnectTo(host, 443, "127.0.0.1", server.port());
        }
        return ClientSession.builder().connector(connector);
    }

    /**
     * Returns the line that says where the pages come from, for the first line of a demo's output.
     *
     * @return the line
     */
    public String banner() {
        return server == null
                ? "[live] Fetching from the real Internet, with the JDK's trust store."
                : "[offline] www.example.com, www.google.com and www.python.org are served by an embedded aio4j HTTPS"
                        + " server on 127.0.0.1:" + server.port() + " with a self-signed certificate made just now"
                        + " (--live uses the real Internet).";
    }

    /** Stops the embedded server, if there is one. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    private static String page(String title, String text) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + text
                + "</p><p>Served by the aio4j demo's embedded HTTPS server.</p></body></html>\n";
    }
}
