package io.aio4j.net;

/**
 * The two halves of a stream connection, as {@code asyncio.open_connection} returns them:
 * {@snippet :
 * try (Connection c = Net.openConnection("example.com", 80)) {
 *     c.writer().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
 *     byte[] status = c.reader().readLine();
 * }
 * }
 *
 * @param reader the reading half
 * @param writer the writing half
 */
public record Connection(StreamReader reader, StreamWriter writer) implements AutoCloseable {
    /** Closes the connection (the writer); see {@link StreamWriter#close()}. */
    @Override
    public void close() {
        writer.close();
    }
}
