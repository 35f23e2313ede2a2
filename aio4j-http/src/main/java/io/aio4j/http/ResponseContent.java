package io.aio4j.http;

/**
 * The body of a {@link ClientResponse} as a stream: aiohttp's {@code response.content}. The bytes
 * are decompressed and unframed; reads suspend the calling task until bytes arrive. The server is
 * slowed down (the connection stops reading) while unread bytes pile up, so a slow reader does not
 * fill the memory. Reaching the end releases the connection.
 *
 * <p>Loop thread only; one task reads at a time.
 */
public interface ResponseContent {
    /**
     * Returns what has arrived, waiting for at least one byte: aiohttp's {@code readany}.
     * Suspends the calling task.
     *
     * @return the bytes; empty at the end of the body
     * @throws ClientException if the body failed (a {@link ClientPayloadException}) or timed out
     */
    byte[] readAny() throws ClientException;

    /**
     * Reads up to {@code n} bytes, or everything to the end for {@code -1}. Suspends the calling
     * task.
     *
     * @param n the most bytes, or {@code -1}
     * @return the bytes; empty at the end of the body
     * @throws ClientException if the body failed or timed out
     */
    byte[] read(int n) throws ClientException;

    /**
     * Reads exactly {@code n} bytes. Suspends the calling task.
     *
     * @param n how many
     * @return the bytes
     * @throws ClientPayloadException if the body ends first
     * @throws ClientException if the body failed or timed out
     */
    byte[] readExactly(int n) throws ClientException;

    /**
     * Reads a line, ending with {@code \n} (kept), or what is left at the end. Suspends the
     * calling task.
     *
     * @return the line; empty at the end of the body
     * @throws ClientException if the body failed or timed out, or a line is longer than 64 KiB
     *     (a {@link ClientPayloadException})
     */
    byte[] readLine() throws ClientException;

    /**
     * Says whether the whole body has been read.
     *
     * @return {@code true} at the end
     */
    boolean atEof();
}
