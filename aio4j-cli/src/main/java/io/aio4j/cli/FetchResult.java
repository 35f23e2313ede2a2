package io.aio4j.cli;

import io.aio4j.http.ClientResponse;
import io.aio4j.http.Headers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What fetching one URL came to: a response, or the exception that stopped it.
 *
 * @param url the URL as given
 * @param status the final response's status, or {@code null} when there was none
 * @param reason its reason phrase, or {@code null}
 * @param version its protocol version ({@code "HTTP/1.1"}), or {@code null}
 * @param headers its headers as received, each a name and a value
 * @param body the body when it was kept, else {@code null}
 * @param bytes how many body bytes arrived (after decompression)
 * @param elapsedMs milliseconds from the start of the request to the end of the body or the error
 * @param redirects the URLs redirects led to, in order
 * @param error the exception's simple class name, or {@code null}
 * @param message the exception's message, or {@code null}
 */
record FetchResult(String url, Integer status, String reason, String version, List<List<String>> headers, byte[] body,
        long bytes, long elapsedMs, List<String> redirects, String error, String message) {

    static FetchResult of(String url, ClientResponse r, byte[] body, long bytes, long elapsedMs) {
        List<List<String>> headers = new ArrayList<>();
        Headers h = r.headers();
        for (int i = 0; i < h.size(); i++) {
            headers.add(List.of(h.name(i), h.value(i)));
        }
        List<String> redirects = new ArrayList<>();
        List<ClientResponse> history = r.history();
        for (int i = 1; i < history.size(); i++) {
            redirects.add(history.get(i).url().toString());
        }
        if (!history.isEmpty()) {
            redirects.add(r.url().toString());
        }
        return new FetchResult(url, r.status(), r.reason(), r.version(), headers, body, bytes, elapsedMs,
                List.copyOf(redirects), null, null);
    }

    static FetchResult failed(String url, Exception e, long bytes, long elapsedMs) {
        return new FetchResult(url, null, null, null, List.of(), null, bytes, elapsedMs, List.of(),
                e.getClass().getSimpleName(), e.getMessage());
    }

    /** Says whether the URL succeeded: a response below 400, read to its end. */
    boolean ok() {
        return error == null && status != null && status < 400;
    }

    /** The fields of the {@code --json} line, in their documented order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("ok", ok());
        m.put("status", status);
        m.put("reason", reason);
        m.put("version", version);
        m.put("headers", headers);
        if (body != null) {
            m.put("body_base64", Base64.getEncoder().encodeToString(body));
        }
        m.put("bytes", bytes);
        m.put("elapsed_ms", elapsedMs);
        m.put("redirects", redirects);
        m.put("error", error);
        m.put("message", message);
        return m;
    }

    /** The human line: status, bytes, time, URL, and where it was redirected or why it failed. */
    String toLine() {
        String head = error != null
                ? String.format("ERR %-28s %10s %7d ms  %s  %s", error, bytes + " B", elapsedMs, url, message)
                : String.format("%3d %-28s %10s %7d ms  %s", status, reason, bytes + " B", elapsedMs, url);
        return redirects.isEmpty() ? head : head + "  -> " + redirects.get(redirects.size() - 1) + " ("
                + redirects.size() + (redirects.size() == 1 ? " redirect)" : " redirects)");
    }
}
