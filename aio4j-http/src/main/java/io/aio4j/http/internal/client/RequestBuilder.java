package io.aio4j.http.internal.client;

import io.aio4j.http.ClientTimeout;
import io.aio4j.http.Headers;
import io.aio4j.http.Multipart;
import io.aio4j.http.RequestSpec;
import io.aio4j.http.internal.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Loop thread only (the requesting task's). Collects what the caller's lambda sets on a request. */
final class RequestBuilder implements RequestSpec {
    private final Headers.Builder headers = Headers.builder();
    private final List<Map.Entry<String, String>> params = new ArrayList<>();
    private RequestBody body = RequestBody.NONE;
    private ClientTimeout timeout;
    private boolean allowRedirects = true;
    private int maxRedirects = 10;
    private Boolean raiseForStatus;

    @Override
    public RequestSpec header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    @Override
    public RequestSpec headers(Headers h) {
        headers.addAll(h);
        return this;
    }

    @Override
    public RequestSpec param(String name, String value) {
        params.add(new SimpleImmutableEntry<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return this;
    }

    @Override
    public RequestSpec params(Map<String, String> p) {
        p.forEach(this::param);
        return this;
    }

    @Override
    public RequestSpec json(Object value) {
        body = new RequestBody.Fixed(Json.write(value), "application/json");
        return this;
    }

    @Override
    public RequestSpec text(String text) {
        body = new RequestBody.Fixed(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        return this;
    }

    @Override
    public RequestSpec body(byte[] bytes) {
        body = new RequestBody.Fixed(bytes.clone(), "application/octet-stream");
        return this;
    }

    @Override
    public RequestSpec form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(Urls.encode(k)).append('=').append(Urls.encode(v)));
        body = new RequestBody.Fixed(sb.toString().getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
        return this;
    }

    @Override
    public RequestSpec multipart(Multipart form) {
        body = new RequestBody.Fixed(form.encode(), form.contentType());
        return this;
    }

    @Override
    public RequestSpec stream(Iterator<byte[]> chunks) {
        body = new RequestBody.Streamed(Objects.requireNonNull(chunks, "chunks"));
        return this;
    }

    @Override
    public RequestSpec timeout(ClientTimeout t) {
        this.timeout = Objects.requireNonNull(t, "timeout");
        return this;
    }

    @Override
    public RequestSpec allowRedirects(boolean allow) {
        this.allowRedirects = allow;
        return this;
    }

    @Override
    public RequestSpec maxRedirects(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + max);
        }
        this.maxRedirects = max;
        return this;
    }

    @Override
    public RequestSpec raiseForStatus(boolean raise) {
        this.raiseForStatus = raise;
        return this;
    }

    /**
     * Makes the request: the session's headers first, the caller's after them (a caller's header
     * replaces the session's of the same name), the parameters appended to the URL's query.
     *
     * @param method the method
     * @param url the absolute URL
     * @param sessionHeaders the session's default headers
     * @param sessionTimeout the session's timeouts
     * @param sessionRaise the session's raiseForStatus
     * @return the request
     */
    OutgoingRequest build(String method, URI url, Headers sessionHeaders, ClientTimeout sessionTimeout,
            boolean sessionRaise) {
        Headers own = headers.build();
        Headers.Builder all = Headers.builder();
        for (Map.Entry<String, String> e : sessionHeaders) {
            if (!own.contains(e.getKey())) {
                all.add(e.getKey(), e.getValue());
            }
        }
        all.addAll(own);
        if (body instanceof RequestBody.Fixed f && f.contentType() != null && !own.contains("Content-Type")
                && f.bytes().length > 0) {
            all.set("Content-Type", f.contentType());
        }
        URI full = params.isEmpty() ? url : URI.create(url.getScheme() + "://" + url.getRawAuthority() + Urls.target(url, params));
        return new OutgoingRequest(method, full, all.build(), body, timeout != null ? timeout : sessionTimeout,
                allowRedirects, maxRedirects, raiseForStatus != null ? raiseForStatus : sessionRaise);
    }
}
