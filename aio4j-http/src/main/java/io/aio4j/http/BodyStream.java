package io.aio4j.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

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

    /**
     * Returns the body's lines for a for-each loop: aiohttp's {@code async for line in
     * response.content}. Each line keeps its {@code \n}; the last may have none. Each step
     * suspends the calling task as {@link #readLine()} does.
     * <pre>{@code
     * for (byte[] line : response.content().lines()) {
     *     handle(new String(line, UTF_8));
     * }
     * }</pre>
     *
     * @return the lines, read as the loop asks for them; iterate once
     * @throws UncheckedIOException from the loop, wrapping what {@link #readLine()} threw
     */
    default Iterable<byte[]> lines() {
        return () -> new Iterator<>() {
            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next.length > 0;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the body has no more lines");
                }
                byte[] line = next;
                next = null;
                return line;
            }
        };
    }
}
