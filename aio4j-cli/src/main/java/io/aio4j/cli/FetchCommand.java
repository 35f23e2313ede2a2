package io.aio4j.cli;

import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.gather;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.http.ClientTimeout;
import io.aio4j.http.RequestSpec;
import io.aio4j.http.TcpConnector;
import io.aio4j.net.ClientTls;
import io.aio4j.sync.Semaphore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code aio4j fetch}: the URLs fetched concurrently by one session, under a semaphore. */
final class FetchCommand {
    private FetchCommand() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code fetch}
     * @param out where the result lines go
     * @param err where usage errors and the progress bar go
     * @param progress whether to draw a progress bar (stderr is a terminal)
     * @return 0 when every URL succeeded, 1 when one did not, 2 on bad usage
     */
    static int run(List<String> args, PrintStream out, PrintStream err, boolean progress) {
        FetchOptions o;
        ClientTls tls;
        try {
            o = FetchOptions.parse(args);
            if (o == null) {
                out.println(FetchOptions.HELP);
                return 0;
            }
            tls = tls(o);
            if (o.outputDir() != null) {
                Files.createDirectories(o.outputDir());
            }
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        } catch (IOException e) {
            return usage(err, "-o: cannot make the directory: " + e);
        }
        TcpConnector connector = TcpConnector.defaults().withTls(tls).withLimit(Math.max(100, o.concurrency()));
        for (FetchOptions.Resolve r : o.resolve()) {
            connector = connector.withConnectTo(r.host(), r.port(), r.address(), r.port());
        }
        ClientTimeout timeout = ClientTimeout.DEFAULT;
        if (o.timeout() != null) {
            timeout = timeout.withTotal(o.timeout());
        }
        if (o.readTimeout() != null) {
            timeout = timeout.withSockRead(o.readTimeout());
        }
        ClientSession.Builder sessions = ClientSession.builder().connector(connector).timeout(timeout);
        FetchReport report = new FetchReport(o.urls().size(), o.json(), out, err, progress);
        Aio.run(() -> {
            try (ClientSession session = sessions.build()) {
                Semaphore permits = Semaphore.create(o.concurrency());
                List<Task<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < o.urls().size(); i++) {
                    int index = i;
                    tasks.add(createTask(() -> permits.withPermit(() -> report.done(index, fetch(session, o, index, report)))));
                }
                gather(tasks);
            }
        });
        report.finish();
        return report.allOk() ? 0 : 1;
    }

    private static int usage(PrintStream err, String message) {
        err.println("aio4j fetch: " + message);
        err.println("(aio4j fetch --help lists the options)");
        return 2;
    }

    private static ClientTls tls(FetchOptions o) throws UsageException {
        if (o.insecure()) {
            return ClientTls.insecure();
        }
        if (o.caCert() == null) {
            return ClientTls.defaults();
        }
        try {
            return ClientTls.trusting(o.caCert());
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--cacert: " + o.caCert() + " is not a PEM file of certificates: " + e.getMessage(), e);
        }
    }

    /** Fetches one URL to the end of its body; never throws, a failure is a result. */
    private static FetchResult fetch(ClientSession session, FetchOptions o, int index, FetchReport report) {
        String url = o.urls().get(index);
        long start = System.nanoTime();
        long bytes = 0;
        String method = o.method() != null ? o.method() : o.data() != null ? "POST" : "GET";
        try (ClientResponse r = session.request(method, url, spec -> configure(spec, o))) {
            ByteArrayOutputStream kept = o.includeBody() ? new ByteArrayOutputStream() : null;
            OutputStream file = o.outputDir() == null ? null
                    : Aio.toThread(() -> Files.newOutputStream(o.outputDir().resolve(fileName(index, r.url()))));
            try {
                for (byte[] chunk = r.content().readAny(); chunk.length > 0; chunk = r.content().readAny()) {
                    bytes += chunk.length;
                    report.received(chunk.length);
                    if (kept != null) {
                        kept.writeBytes(chunk);
                    }
                    if (file != null) {
                        byte[] c = chunk;
                        Aio.toThread(() -> {
                            file.write(c);
                            return null;
                        });
                    }
                }
            } finally {
                if (file != null) {
                    Aio.toThread(() -> {
                        file.close();
                        return null;
                    });
                }
            }
            return FetchResult.of(url, r, kept == null ? null : kept.toByteArray(), bytes, millisSince(start));
        } catch (Exception e) {
            return FetchResult.failed(url, e, bytes, millisSince(start));
        }
    }

    private static void configure(RequestSpec spec, FetchOptions o) {
        boolean contentType = false;
        for (Map.Entry<String, String> h : o.headers()) {
            spec.header(h.getKey(), h.getValue());
            contentType |= h.getKey().equalsIgnoreCase("Content-Type");
        }
        if (o.data() != null) {
            spec.body(o.data());
            if (!contentType) { // curl's default for -d
                spec.header("Content-Type", "application/x-www-form-urlencoded");
            }
        }
        if (o.maxRedirects() == 0) {
            spec.allowRedirects(false);
        } else {
            spec.maxRedirects(o.maxRedirects());
        }
    }

    /** {@code N-host-path}: the URL's position, then its host and path with anything odd made {@code _}. */
    static String fileName(int index, URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")
                ? "index" : url.getRawPath().substring(1);
        String name = (url.getHost() == null ? "host" : url.getHost()) + "-" + path;
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return (index + 1) + "-" + (name.length() > 150 ? name.substring(0, 150) : name);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
