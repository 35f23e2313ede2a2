package io.aio4j.http.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a streaming {@link Response} writes its body while it is made: aiohttp.web's
 * {@code StreamResponse.write}. The head has been sent when the body's code first runs; without a
 * {@code Content-Length}, the body goes out chunked. A write suspends while the client reads slower
 * than the handler writes, so a slow client does not fill the memory.
 */
public interface ResponseWriter {
    /**
     * Writes bytes of the body. Suspends the calling task while the connection's buffer is full.
     *
     * @param data the bytes; an empty array is skipped
     * @throws IOException if the client went away ({@link io.aio4j.net.BrokenResourceException}) or
     *     the connection was closed
     */
    void write(byte[] data) throws IOException;

    /**
     * Writes text in UTF-8. Suspends the calling task while the connection's buffer is full.
     *
     * @param text the text
     * @throws IOException as {@link #write(byte[])}
     */
    default void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }
}
