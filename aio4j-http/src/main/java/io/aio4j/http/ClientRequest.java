package io.aio4j.http;

import java.net.URI;

/**
 * A request as a {@link ClientMiddleware} sees it, on its way to one URL (each redirect is a
 * request of its own): aiohttp's {@code ClientRequest}. Immutable; the {@code with} methods make
 * changed copies. The body is carried along unseen.
 */
public interface ClientRequest {
    /**
     * Returns the method.
     *
     * @return e.g. {@code "GET"}
     */
    String method();

    /**
     * Returns the absolute URL, query included.
     *
     * @return the URL
     */
    URI url();

    /**
     * Returns the headers the caller and the session set (the client adds {@code Host},
     * {@code Content-Length} and the like when it sends them).
     *
     * @return the headers
     */
    Headers headers();

    /**
     * Returns a copy with other headers.
     *
     * @param headers the headers
     * @return the copy
     */
    ClientRequest withHeaders(Headers headers);

    /**
     * Returns a copy with a header set (replacing its values).
     *
     * @param name the name
     * @param value the value
     * @return the copy
     */
    default ClientRequest withHeader(String name, String value) {
        return withHeaders(headers().toBuilder().set(name, value).build());
    }
}
