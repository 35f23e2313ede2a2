package io.aio4j.http;

import java.io.IOException;

/**
 * A message body as a stream, read while it arrives: aiohttp's {@code StreamReader}, as
 * {@code response.content} of the client and {@code request.content} of the server. The bytes are
 * unframed (and, for the client, decompressed); reads suspend the calling task until bytes arrive.
 * The peer is slowed down (the connection stops reading) while unread bytes pile up, so a slow
 * reader does not fill the memory. For a client response, reaching the end releases the
 * connection.
 *
 * <p>Loop thread only; one task reads at a time.
 */
public interface BodyStream {
    /**
     * Returns what has arrived, waiting for at least one byte: aiohttp's {@code readany}.
     * Suspends the calling task.
     *
     * @return the bytes; empty at the end of the body
     * @throws IOException if the body failed (for the client a {@link ClientPayloadException}) or
     *     timed out
     */
    byte[] readAny() throws IOException;

    /**
     * Reads up to {@code n} bytes, or everything to the end for {@code -1}. Suspends the calling
     * task.
     *
     * @param n the most bytes, or {@code -1}
     * @return the bytes; empty at the end of the body
     * @throws IOException if the body failed or timed out
     */
    byte[] read(int n) throws IOException;

    /**
     * Reads exactly {@code n} bytes. Suspends the calling task.
     *
     * @param n how many
     * @return the bytes
     * @throws IOException if the body ends first (for the client a {@link ClientPayloadException}),
     *     failed or timed out
     */
    byte[] readExactly(int n) throws IOException;

    /**
     * Reads a line, ending with {@code \n} (kept), or what is left at the end. Suspends the
     * calling task.
     *
     * @return the line; empty at the end of the body
     * @throws IOException if the body failed or timed out, or a line is longer than 64 KiB
     *     (a {@link ClientPayloadException})
     */
    byte[] readLine() throws IOException;

    /**
     * Says whether the whole body has been read.
     *
     * @return {@code true} at the end
     */
    boolean atEof();
}
