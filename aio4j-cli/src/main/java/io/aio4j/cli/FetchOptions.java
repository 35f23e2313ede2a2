package io.aio4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code aio4j fetch} was asked to do, parsed from its command line (curl's option names where
 * curl has one).
 *
 * @param urls the URLs, in the order given
 * @param concurrency the most requests in flight at once
 * @param method the method, or {@code null}: GET, or POST when there is a body (as curl)
 * @param headers the extra headers, in order, each a name and a value
 * @param data the request body, or {@code null}
 * @param timeout the total time limit per URL, or {@code null}
 * @param readTimeout the limit on each read, or {@code null}
 * @param maxRedirects the most redirects followed; {@code 0}: none
 * @param insecure whether certificates and host names go unchecked
 * @param caCert a PEM file of the certificates to trust instead of the JDK's, or {@code null}
 * @param resolve curl's {@code --resolve} entries: host, port and the address to connect to
 * @param outputDir where bodies are saved, or {@code null}
 * @param json whether to print one JSON object per URL
 * @param includeBody whether the JSON carries the body (base64)
 */
record FetchOptions(List<String> urls, int concurrency, String method, List<Map.Entry<String, String>> headers,
        byte[] data, Duration timeout, Duration readTimeout, int maxRedirects, boolean insecure, Path caCert,
        List<Resolve> resolve, Path outputDir, boolean json, boolean includeBody) {

    /** One {@code --resolve HOST:PORT:ADDRESS}. */
    record Resolve(String host, int port, String address) {}

    static final String HELP = """
            usage: aio4j fetch [options] URL...
            Fetches the URLs concurrently with one client session and prints one line per URL, in
            the order given: status, bytes, time. Exits 0 when every URL answered below 400, 1
            otherwise, 2 on bad usage.

              -c, --concurrency N      requests in flight at once (default 10)
              -X, --request METHOD     the method (default GET, or POST with -d)
              -H, --header 'Name: v'   an extra request header (repeatable)
              -d, --data DATA          the request body; @FILE reads it from FILE
                  --timeout SECONDS    total time limit per URL, redirects included
                  --read-timeout SECONDS  limit on each read from the server
                  --max-redirects N    redirects to follow (default 10; 0: do not follow)
              -k, --insecure           do not check certificates or host names
                  --cacert FILE        trust the certificates of this PEM file instead of the JDK's
                  --resolve HOST:PORT:ADDR  connect to ADDR for HOST:PORT (as curl; repeatable)
              -o, --output-dir DIR     save each body in DIR as N-host-path (N: the URL's position)
                  --json               one JSON object per URL per line instead: url, ok, status,
                                       reason, version, headers, bytes, elapsed_ms, redirects,
                                       error, message
                  --include-body       with --json: add body_base64
              -h, --help               this text""";

    /**
     * Parses the arguments after {@code fetch}.
     *
     * @param args the arguments
     * @return the options, or {@code null} when help was asked for
     * @throws UsageException if an option is unknown, lacks its value or has a bad one, or no URL
     *     is given
     */
    static FetchOptions parse(List<String> args) throws UsageException {
        List<String> urls = new ArrayList<>();
        int concurrency = 10;
        String method = null;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        byte[] data = null;
        Duration timeout = null;
        Duration readTimeout = null;
        int maxRedirects = 10;
        boolean insecure = false;
        Path caCert = null;
        List<Resolve> resolve = new ArrayList<>();
        Path outputDir = null;
        boolean json = false;
        boolean includeBody = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (!optionsEnded && a.startsWith("--") && a.contains("=")) { // --name=value
                value = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                urls.add(a);
                continue;
            }
            switch (a) {
                case "--" -> optionsEnded = true;
                case "-h", "--help" -> {
                    return null;
                }
                case "-k", "--insecure" -> insecure = true;
                case "--json" -> json = true;
                case "--include-body" -> includeBody = true;
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option " + a + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (a) {
                        case "-c", "--concurrency" -> concurrency = positive(a, value, 1);
                        case "-X", "--request" -> method = method(value);
                        case "-H", "--header" -> headers.add(header(value));
                        case "-d", "--data" -> data = data(value);
                        case "--timeout" -> timeout = seconds(a, value);
                        case "--read-timeout" -> readTimeout = seconds(a, value);
                        case "--max-redirects" -> maxRedirects = positive(a, value, 0);
                        case "--cacert" -> caCert = readable(a, value);
                        case "--resolve" -> resolve.add(resolve(value));
                        case "-o", "--output-dir" -> outputDir = Path.of(value);
                        default -> throw new UsageException("unknown option: " + a);
                    }
                }
            }
        }
        if (urls.isEmpty()) {
            throw new UsageException("no URL given");
        }
        if (includeBody && !json) {
            throw new UsageException("--include-body goes with --json");
        }
        if (insecure && caCert != null) {
            throw new UsageException("-k/--insecure and --cacert contradict each other");
        }
        return new FetchOptions(List.copyOf(urls), concurrency, method, List.copyOf(headers), data, timeout,
                readTimeout, maxRedirects, insecure, caCert, List.copyOf(resolve), outputDir, json, includeBody);
    }

    private static int positive(String option, String value, int min) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number of at least " + min + ", not '" + value + "'");
    }

    private static Duration seconds(String option, String value) throws UsageException {
        try {
            double s = Double.parseDouble(value.strip());
            if (s > 0 && s < 1e9) {
                return Duration.ofNanos(Math.round(s * 1e9));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a positive number of seconds, not '" + value + "'");
    }

    private static String method(String value) throws UsageException {
        if (!value.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new UsageException("-X: not a method name: '" + value + "'");
        }
        return value;
    }

    private static Map.Entry<String, String> header(String value) throws UsageException {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new UsageException("-H takes 'Name: value', not '" + value + "'");
        }
        return Map.entry(value.substring(0, colon).strip(), value.substring(colon + 1).strip());
    }

    private static byte[] data(String value) throws UsageException {
        if (!value.startsWith("@")) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(Path.of(value.substring(1)));
        } catch (IOException e) {
            throw new UsageException("-d: cannot read " + value.substring(1) + ": " + e, e);
        }
    }

    private static Path readable(String option, String value) throws UsageException {
        Path p = Path.of(value);
        if (!Files.isReadable(p)) {
            throw new UsageException(option + ": cannot read " + value);
        }
        return p;
    }

    private static Resolve resolve(String value) throws UsageException {
        // HOST:PORT:ADDRESS, the address possibly an IPv6 literal in brackets
        int first = value.indexOf(':');
        int second = first < 0 ? -1 : value.indexOf(':', first + 1);
        if (first <= 0 || second < 0 || second == value.length() - 1) {
            throw new UsageException("--resolve takes HOST:PORT:ADDRESS, not '" + value + "'");
        }
        int port = positive("--resolve", value.substring(first + 1, second), 1);
        if (port > 65535) {
            throw new UsageException("--resolve: no such port: " + port);
        }
        String address = value.substring(second + 1);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return new Resolve(value.substring(0, first), port, address);
    }
}
