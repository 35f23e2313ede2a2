package io.aio4j.http.internal.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Thread-safe (immutable): common methods and field names as shared {@code String}s, so parsing a
 * typical head allocates a string for each value but not for each name (the profile of a parser
 * without it is dominated by string allocation). Only an exact, case-sensitive match is shared,
 * so the spelling the peer sent is always kept.
 */
final class KnownTokens {
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
        "PATCH"};
    private static final String[] NAMES = {"Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language",
        "Accept-Ranges", "Access-Control-Allow-Origin", "Age", "Allow", "Authorization", "Cache-Control", "Connection",
        "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-Range", "Content-Type", "Cookie", "Date", "ETag", "Expect", "Expires", "Host", "If-Match",
        "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since", "Keep-Alive", "Last-Modified", "Link",
        "Location", "Origin", "Pragma", "Proxy-Authorization", "Range", "Referer", "Retry-After", "Server",
        "Set-Cookie", "Strict-Transport-Security", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Upgrade-Insecure-Requests", "User-Agent", "Vary", "Via", "WWW-Authenticate", "X-Forwarded-For",
        "X-Forwarded-Host", "X-Forwarded-Proto", "X-Request-Id", "X-Requested-With"};

    /** Candidates by length: canonical and lower-case spellings of the names above, and the methods. */
    private static final String[][] BY_LENGTH = new String[32][];

    static {
        List<List<String>> byLength = new ArrayList<>();
        for (int i = 0; i < BY_LENGTH.length; i++) {
            byLength.add(new ArrayList<>());
        }
        for (String name : NAMES) {
            byLength.get(name.length()).add(name);
            byLength.get(name.length()).add(name.toLowerCase(Locale.ROOT));
        }
        for (String method : METHODS) {
            byLength.get(method.length()).add(method);
        }
        for (int i = 0; i < BY_LENGTH.length; i++) {
            BY_LENGTH[i] = byLength.get(i).toArray(new String[0]);
        }
    }

    private KnownTokens() {
    }

    /**
     * Returns the bytes as a string, shared if they spell a known token exactly.
     *
     * @param bytes the array
     * @param offset where the token starts
     * @param length its length
     * @return the string, decoded as ISO-8859-1
     */
    static String string(byte[] bytes, int offset, int length) {
        if (length < BY_LENGTH.length) {
            for (String candidate : BY_LENGTH[length]) {
                if (matches(candidate, bytes, offset, length)) {
                    return candidate;
                }
            }
        }
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean matches(String candidate, byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (candidate.charAt(i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
