package io.aio4j.net;

import io.aio4j.EventLoop;
import java.net.SocketAddress;
import java.util.List;

/**
 * A listening server: asyncio's {@code Server}. It accepts connections on its loop and hands each
 * to a new protocol (or, for stream servers, a new handler task).
 * {@snippet :
 * try (Server server = Net.startServer((reader, writer) -> {
 *     writer.write(reader.readLine());
 *     writer.drain();
 * }, "127.0.0.1", 0)) {
 *     System.out.println("listening on " + server.sockets());
 *     server.serveForever();
 * }
 * }
 *
 * <p>Not thread-safe: use it from the tasks of its loop.
 */
public interface Server extends AutoCloseable {
    /**
     * Stops listening; connections already accepted go on. Idempotent.
     */
    @Override
    void close();

    /** Closes every accepted connection gracefully (their buffered bytes are still sent). */
    void closeClients();

    /** Aborts every accepted connection, dropping what they buffered. */
    void abortClients();

    /**
     * Suspends the calling task until the server is closed and every connection it accepted has
     * ended (asyncio 3.12's semantics).
     */
    void waitClosed();

    /**
     * Starts accepting, when the server was made with {@code startServing(false)}. Idempotent.
     *
     * @throws IllegalStateException if the server is closed
     */
    void startServing();

    /**
     * Accepts connections until the calling task is cancelled or other code closes the server.
     * Suspends the calling task. Starts accepting first, if the server was made with
     * {@code startServing(false)}.
     *
     * <p>When the calling task is cancelled, this closes the server and passes the cancellation
     * on. When other code closes the server ({@link #close()} from another task, a handler, or a
     * {@code finally} block), this returns normally: asyncio raises {@code CancelledError} in that
     * case too, but a task nobody cancelled should not end cancelled. Connections already accepted
     * go on either way; {@link #waitClosed()} waits for them.
     *
     * @throws IllegalStateException if the server is closed already, or another task is in
     *     {@code serveForever()}
     */
    void serveForever();

    /**
     * Tells whether the server accepts connections.
     *
     * @return whether it is serving
     */
    boolean isServing();

    /**
     * Returns the addresses it listens on (with the ports the OS picked for port 0).
     *
     * @return the bound addresses; empty once closed
     */
    List<SocketAddress> sockets();

    /**
     * Returns how many accepted connections are open.
     *
     * @return the count
     */
    int connectionCount();

    /**
     * Returns the loop it accepts on.
     *
     * @return the loop
     */
    EventLoop loop();
}
