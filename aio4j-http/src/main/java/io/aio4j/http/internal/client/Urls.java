package io.aio4j.http.internal.client;

import io.aio4j.http.InvalidUrlClientException;
import io.aio4j.http.InvalidUrlRedirectClientException;
import io.aio4j.http.NonHttpUrlClientException;
import io.aio4j.http.NonHttpUrlRedirectClientException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Thread-safe (stateless). Checks, resolves and encodes the client's URLs. */
final class Urls {
    private Urls() {
    }

    /**
     * Turns a request URL into an absolute {@code http(s)} URI, relative to a base URL if given.
     *
     * @param base the session's base URL, or {@code null}
     * @param url the URL as the caller gave it
     * @return the absolute URI
     * @throws InvalidUrlClientException if it is malformed or has no host
     * @throws NonHttpUrlClientException if its scheme is not http or https
     */
    static URI request(URI base, String url) throws InvalidUrlClientException, NonHttpUrlClientException {
        URI u;
        try {
            u = new URI(url);
            if (base != null && !u.isAbsolute()) {
                u = base.resolve(u);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidUrlClientException(url, "not a valid URL (" + e.getMessage() + ")");
        }
        String scheme = u.getScheme();
        if (scheme == null) {
            throw new InvalidUrlClientException(url, "not an absolute URL, and the session has no base URL");
        }
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw new NonHttpUrlClientException(url, "not an http or https URL");
        }
        if (host(u) == null) {
            throw new InvalidUrlClientException(url, "the URL has no host (or one with characters a host cannot have)");
        }
        return u;
    }

    /**
     * Resolves a redirect's {@code Location} against the URL it answered.
     *
     * @param from the URL that was redirected
     * @param location the header's value
     * @return the absolute URI to go to
     * @throws InvalidUrlRedirectClientException if the location is not a valid URL
     * @throws NonHttpUrlRedirectClientException if it leaves http and https
     */
    static URI redirect(URI from, String location) throws InvalidUrlRedirectClientException,
            NonHttpUrlRedirectClientException {
        URI u;
        try {
            u = from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidUrlRedirectClientException(location, "the server redirected to an invalid URL");
        }
        String scheme = u.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new NonHttpUrlRedirectClientException(location, "the server redirected to a URL that is not http or https");
        }
        if (host(u) == null) {
            throw new InvalidUrlRedirectClientException(location, "the server redirected to a URL with no valid host");
        }
        return u;
    }

    /**
     * Returns a URL's host. {@link URI#getHost()} refuses names with an underscore, which DNS
     * allows and browsers and aiohttp accept (the name may still not resolve); those are read from
     * the authority here.
     *
     * @param u an absolute URL
     * @return the host (an IPv6 literal keeps its brackets), or {@code null} if there is none
     */
    static String host(URI u) {
        if (u.getHost() != null) {
            return u.getHost().isEmpty() ? null : u.getHost();
        }
        String a = u.getRawAuthority();
        if (a == null || a.indexOf('@') >= 0) {
            return null;
        }
        int colon = a.lastIndexOf(':');
        String h = colon >= 0 ? a.substring(0, colon) : a;
        if (colon >= 0 && !a.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        if (h.isEmpty() || !h.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_')) {
            return null;
        }
        return h;
    }

    /**
     * Returns a URL's port, or the scheme's default.
     *
     * @param u an absolute http or https URL with a host
     * @return the port
     */
    static int port(URI u) {
        int p = u.getPort();
        if (p == -1 && u.getHost() == null && u.getRawAuthority() != null) {
            String a = u.getRawAuthority();
            int colon = a.lastIndexOf(':');
            p = colon >= 0 && colon < a.length() - 1 ? Integer.parseInt(a.substring(colon + 1)) : -1;
        }
        return p != -1 ? p : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * Returns the request target (origin form): the raw path, {@code /} if empty, and the query
     * with extra parameters appended, percent-encoded.
     *
     * @param url the URL
     * @param params extra parameters
     * @return e.g. {@code /search?q=a%20b}
     */
    static String target(URI url, List<Map.Entry<String, String>> params) {
        String path = url.getRawPath();
        StringBuilder sb = new StringBuilder(path == null || path.isEmpty() ? "/" : path);
        String query = url.getRawQuery();
        boolean first = true;
        if (query != null) {
            sb.append('?').append(query);
            first = false;
        }
        for (Map.Entry<String, String> p : params) {
            sb.append(first ? '?' : '&').append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            first = false;
        }
        return sb.toString();
    }

    /**
     * Percent-encodes a query or form component ({@code application/x-www-form-urlencoded}).
     *
     * @param s the text
     * @return the encoded text
     */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
