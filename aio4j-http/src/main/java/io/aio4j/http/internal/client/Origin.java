package io.aio4j.http.internal.client;

import java.net.URI;
import java.util.Locale;

/**
 * Thread-safe (immutable). Where a connection goes: scheme, host and port. Connections are pooled
 * per origin, and a redirect that changes it drops the credentials.
 *
 * @param https whether the scheme is {@code https}
 * @param host the host, lower case, an IPv6 literal without brackets
 * @param port the port, the scheme's default filled in
 */
record Origin(boolean https, String host, int port) {

    /**
     * Returns the origin of an absolute {@code http} or {@code https} URL (checked by {@link Urls}).
     *
     * @param url the URL
     * @return its origin
     */
    static Origin of(URI url) {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = Urls.port(url);
        String host = Urls.host(url);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Origin(https, host.toLowerCase(Locale.ROOT), port);
    }

    /**
     * Returns the {@code Host} header's value: the port only when it is not the scheme's default.
     *
     * @return e.g. {@code example.com} or {@code [::1]:8080}
     */
    String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }

    @Override
    public String toString() {
        return (https ? "https://" : "http://") + hostHeader();
    }
}
