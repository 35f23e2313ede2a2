package io.aio4j.http.internal.client;

import io.aio4j.http.ClientResponse;
import io.aio4j.http.Headers;
import io.aio4j.http.TraceConfig;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/** Thread-safe (immutable). A session's {@link TraceConfig}s, called in the order they were added. */
final class Traces {
    /** No hooks. */
    static final Traces NONE = new Traces(List.of());

    private final List<TraceConfig> configs;

    Traces(List<TraceConfig> configs) {
        this.configs = List.copyOf(configs);
    }

    boolean isEmpty() {
        return configs.isEmpty();
    }

    private void each(Consumer<TraceConfig> hook) {
        for (TraceConfig c : configs) {
            hook.accept(c);
        }
    }

    void requestStart(String method, URI url, Headers headers) {
        each(c -> c.requestStart(method, url, headers));
    }

    void requestEnd(String method, URI url, ClientResponse response) {
        each(c -> c.requestEnd(method, url, response));
    }

    void requestException(String method, URI url, Throwable exception) {
        each(c -> c.requestException(method, url, exception));
    }

    void requestRedirect(String method, URI url, ClientResponse response) {
        each(c -> c.requestRedirect(method, url, response));
    }

    void connectionQueuedStart(URI url) {
        each(c -> c.connectionQueuedStart(url));
    }

    void connectionQueuedEnd(URI url) {
        each(c -> c.connectionQueuedEnd(url));
    }

    void connectionCreateStart(URI url) {
        each(c -> c.connectionCreateStart(url));
    }

    void connectionCreateEnd(URI url) {
        each(c -> c.connectionCreateEnd(url));
    }

    void connectionReuse(URI url) {
        each(c -> c.connectionReuse(url));
    }

    void requestHeadersSent(String method, URI url, Headers headers) {
        each(c -> c.requestHeadersSent(method, url, headers));
    }
}
