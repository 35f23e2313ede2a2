package io.aio4j.net;

import io.aio4j.EventLoop;
import io.aio4j.internal.net.MultiLoopServerImpl;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One server on several event loops, so that it uses every core: each loop runs on a platform
 * thread of its own and listens on a socket of its own, all bound with {@code SO_REUSEPORT} to the
 * same address and port, and the kernel spreads incoming connections over them. Each connection
 * then lives on the loop that accepted it. The shape of Netty's one-channel-per-event-loop servers
 * with {@code SO_REUSEPORT}, and of running one asyncio process per core behind a shared port.
 * {@snippet :
 * MultiLoopServer server = MultiLoopServer.start(MultiLoopServer.defaultLoopCount(), (reader, writer) -> {
 *     byte[] line;
 *     while ((line = reader.readLine()).length > 0) {
 *         writer.write(line);
 *         writer.drain();
 *     }
 * }, "127.0.0.1", 8888, ServerOptions.defaults());
 * Runtime.getRuntime().addShutdownHook(new Thread(server::close)); // Ctrl-C closes it gracefully
 * server.awaitClosed(); // the main thread waits here
 * }
 *
 * <h2>Threads</h2>
 * A handler (or protocol) runs on the loop that accepted its connection, with that loop's
 * guarantees: the code of one loop runs on one thread, one piece at a time. <b>Handlers of
 * connections on different loops run on different threads, at the same time.</b> So state shared
 * between connections of different loops needs thread-safe structures ({@code ConcurrentHashMap},
 * atomics, {@code java.util.concurrent} locks held briefly), not aio4j's loop-bound {@code Lock},
 * {@code Queue} or futures, which belong to one loop. A protocol factory is called on every loop's
 * thread, so it must be thread-safe too ({@code MyProtocol::new} is). The methods of this interface
 * are thread-safe.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 * state     | shutdown() / close()                          | a loop ends unexpectedly
 * ----------+-----------------------------------------------+---------------------------------
 * SERVING   | -> CLOSING: every loop stops accepting,       | -> CLOSING, the failure kept for
 *           |    closes its clients, waits for them up to   |    awaitClosed() to throw
 *           |    the grace period, aborts the rest, cancels |
 *           |    the tasks left, closes; -> CLOSED when     |
 *           |    every thread has ended                     |
 * CLOSING   | no effect (close() still waits)               | failure kept
 * CLOSED    | no effect                                     | -
 * </pre>
 * {@code start} and {@code create} return a serving server, or throw after undoing what they
 * started.
 *
 * <h2>Pitfalls</h2>
 * <ul>
 * <li>The kernel picks a loop by hashing each connection's addresses and ports, not by load: a few
 *     clients may all land on one loop, and a connection never moves. Spreading shows with many
 *     connections, as a server's traffic has.
 * <li>Linux balances {@code SO_REUSEPORT} sockets (since 3.9). macOS and most BSDs let the sockets
 *     share the port but hand every connection to one of them; the server works there, on one
 *     core. Where the JDK has no {@code SO_REUSEPORT} (Windows), more than one loop cannot start.
 * <li>Any process of the same user may bind the same port with {@code SO_REUSEPORT} too, and then
 *     receives a share of the connections.
 * <li>Closing one listening socket drops the connections still waiting in its accept queue: close
 *     the whole server, not single loops ({@link EventLoop#stop()} on one of {@link #loops()}
 *     counts as a failure and closes the server).
 * </ul>
 */
public interface MultiLoopServer extends AutoCloseable {
    /** How long {@link #close()} and {@link #shutdown()} let connections finish before aborting them. */
    Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    /**
     * Starts a TCP stream server on {@code loops} new event loops: each client runs
     * {@code handler} as a task of the loop that accepted it ({@link Net#startServer} on every
     * loop). Blocks the calling thread until every loop listens.
     *
     * @param loops how many loops (and threads); {@link #defaultLoopCount()} uses every core
     * @param handler serves one client; called on the threads of all the loops at once
     * @param host the address to listen on (a literal or a name; {@code null}: every interface)
     * @param port the port; {@code 0} lets the OS pick one for the first loop, and the others
     *     bind the same
     * @param options TLS, backlog, reader limit; {@code reusePort} is turned on wherever the platform
     *     has it, whatever the options say, and {@code startServing} must be {@code true}
     * @return the server, accepting on every loop
     * @throws IOException if an address cannot be bound (nothing is left running then)
     * @throws UnsupportedOperationException if {@code loops > 1} and the platform has no
     *     {@code SO_REUSEPORT}
     */
    static MultiLoopServer start(int loops, ConnectionHandler handler, String host, int port, ServerOptions options)
            throws IOException {
        return MultiLoopServerImpl.start(loops, handler, host, port, options);
    }

    /**
     * Starts a TCP (or TLS) server on {@code loops} new event loops whose connections each get a
     * protocol from {@code factory} ({@link Net#createServer} on every loop). Blocks the calling
     * thread until every loop listens.
     *
     * @param loops how many loops (and threads)
     * @param factory makes one protocol per connection; called on the threads of all the loops at
     *     once, so it must be thread-safe
     * @param host the address to listen on ({@code null}: every interface)
     * @param port the port; {@code 0} lets the OS pick one
     * @param options TLS, backlog; {@code reusePort} is turned on wherever the platform has it,
     *     and {@code startServing} must be {@code true}
     * @return the server, accepting on every loop
     * @throws IOException if an address cannot be bound (nothing is left running then)
     * @throws UnsupportedOperationException if {@code loops > 1} and the platform has no
     *     {@code SO_REUSEPORT}
     */
    static MultiLoopServer create(int loops, Supplier<? extends BaseProtocol> factory, String host, int port,
            ServerOptions options) throws IOException {
        return MultiLoopServerImpl.create(loops, factory, host, port, options);
    }

    /**
     * Returns one loop per core: {@link Runtime#availableProcessors()}.
     *
     * @return the number of cores this JVM may use
     */
    static int defaultLoopCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Returns the port the server listens on: the one asked for, or the one the OS picked for port
     * 0. With port 0 and a host name of several addresses, each address may have its own port (as
     * in asyncio); this is the first one's, and {@link #sockets()} has them all.
     *
     * @return the port
     */
    int port();

    /**
     * Returns the addresses the server listens on. Every loop listens on each of them.
     *
     * @return the bound addresses; empty once closing
     */
    List<SocketAddress> sockets();

    /**
     * Returns the loops, in the order they were started. Use their thread-safe methods only
     * ({@code callSoonThreadsafe}, {@code time}, {@code isRunning}, ...).
     *
     * @return the loops
     */
    List<EventLoop> loops();

    /**
     * Returns the server's name, the prefix of its threads' and loops' names
     * ({@code aio4j-server-N}; loop {@code k} is {@code aio4j-server-N-loop-k}).
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether every loop accepts connections.
     *
     * @return {@code false} once closing
     */
    boolean isServing();

    /**
     * Starts closing with the {@link #DEFAULT_GRACE} and returns at once; see
     * {@link #shutdown(Duration)}.
     */
    void shutdown();

    /**
     * Starts closing and returns at once. Every loop stops accepting, then closes its connections
     * gracefully (what they buffered is still sent; handlers reading see EOF) and waits for them
     * up to {@code grace}; connections still open then are aborted. Tasks still running after that
     * (a handler that does not read, say) are cancelled, the loops are closed, and their threads
     * end. Idempotent: the first grace counts. Callable from anywhere, a handler included.
     *
     * @param grace how long connections may take to finish
     */
    void shutdown(Duration grace);

    /**
     * Closes the server: {@link #shutdown()}, then waits until every thread has ended, so no
     * socket, loop or thread is left when it returns. Idempotent. If the calling thread is
     * interrupted, it still waits, and its interrupt flag is set again on return.
     *
     * @throws IllegalStateException if called from one of the server's own loops, which could
     *     never end while this waits for it; call {@link #shutdown()} there
     */
    @Override
    void close();

    /**
     * Blocks the calling thread until the server is closed (by {@link #shutdown()} or
     * {@link #close()} from another thread, or because a loop failed) and every one of its
     * threads has ended. For a program's main thread.
     *
     * @throws InterruptedException if the calling thread is interrupted while it waits
     * @throws IllegalStateException if a loop ended by a failure rather than by closing; the
     *     failure is the cause
     */
    void awaitClosed() throws InterruptedException;

    /**
     * Like {@link #awaitClosed()}, for at most {@code timeout}.
     *
     * @param timeout how long to wait
     * @return whether the server is closed and every thread has ended
     * @throws InterruptedException if the calling thread is interrupted while it waits
     * @throws IllegalStateException if a loop ended by a failure rather than by closing
     */
    boolean awaitClosed(Duration timeout) throws InterruptedException;
}
