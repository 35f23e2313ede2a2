package io.aio4j.net;

/**
 * What a stream server runs for each client, as a task of its own: asyncio's
 * {@code client_connected_cb}. When it returns or throws, the server closes the connection; an
 * exception goes to the loop's exception handler.
 */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * Serves one client.
     *
     * @param reader what the client sends
     * @param writer what goes back
     * @throws Exception anything; reported, and the connection closed
     */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}
