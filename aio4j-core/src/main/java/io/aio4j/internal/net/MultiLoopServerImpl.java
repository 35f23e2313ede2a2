package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.LoopOptions;
import io.aio4j.internal.loop.Log;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.MultiLoopServer;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link MultiLoopServer}: one platform thread per loop, each running {@code Aio.run} with a main
 * task that starts the loop's own {@link Server}s, waits for the shutdown signal, then closes them
 * and their clients. {@code Aio.run} then cancels the tasks left and closes the loop, whose
 * {@link LoopNet} closes any socket still open. Loop 0 binds first (it resolves the host and learns
 * the port the OS picked for port 0); the others then bind what it bound, in parallel.
 * Thread-safe.
 */
public final class MultiLoopServerImpl implements MultiLoopServer {
    private static final AtomicInteger IDS = new AtomicInteger();
    /** After aborting its clients, how long a loop waits for them to report their loss (one iteration does it). */
    private static final Duration ABORT_WAIT = Duration.ofSeconds(1);

    /**
     * The server's lifecycle.
     * <pre>
     * from \ to | SERVING          | CLOSING                        | CLOSED
     * ----------+------------------+--------------------------------+-----------------------
     * STARTING  | every loop bound | a bind failed, or shutdown()   | -
     * SERVING   | -                | shutdown(), or a loop ended    | -
     * CLOSING   | (refused)        | no effect                      | the last thread ended
     * CLOSED    | (refused)        | no effect                      | -
     * </pre>
     */
    enum State { STARTING, SERVING, CLOSING, CLOSED }

    /** Starts one loop's server on the running loop: {@code Net.startServer} or {@code Net.createServer}. */
    @FunctionalInterface
    private interface Starter {
        Server start(String host, int port) throws IOException;
    }

    /** One address to listen on: an address literal ({@code null}: every interface) and a port. */
    private record Listen(String host, int port) {}

    private final String name;
    private final Starter starter;
    private final String host;
    private final int port;
    private final List<Member> members = new ArrayList<>();
    /** Completed once, with the grace period, by the first shutdown; every loop's main task awaits it. */
    private final CompletableFuture<Duration> closing = new CompletableFuture<>();
    /** Guarded by {@code this}. */
    private State state = State.STARTING;
    /** The first failure of a loop after the server started. Guarded by {@code this}. */
    private Throwable failure;
    /** How many loop threads have not ended. Guarded by {@code this}. */
    private int alive;
    /** What loop 0 bound, ports included: the plan of the other loops. Written before loop 0's {@code bound}. */
    private volatile List<Listen> plan;
    /** Written by {@link #startAll} before the server is handed out. */
    private volatile List<SocketAddress> sockets = List.of();
    private volatile List<EventLoop> loops = List.of();

    private MultiLoopServerImpl(int count, Starter starter, String host, int port) {
        this.name = "aio4j-server-" + IDS.incrementAndGet();
        this.starter = starter;
        this.host = host;
        this.port = port;
        for (int k = 0; k < count; k++) {
            members.add(new Member(k));
        }
    }

    /**
     * {@link MultiLoopServer#start}.
     *
     * @param loops how many loops
     * @param handler the stream handler
     * @param host the address to listen on, or {@code null}
     * @param port the port, or 0
     * @param options the server options
     * @return the serving server
     * @throws IOException if an address cannot be bound
     */
    public static MultiLoopServer start(int loops, ConnectionHandler handler, String host, int port,
            ServerOptions options) throws IOException {
        Objects.requireNonNull(handler, "handler");
        ServerOptions o = checked(loops, port, options);
        return launch(loops, (h, p) -> Net.startServer(handler, h, p, o), host, port);
    }

    /**
     * {@link MultiLoopServer#create}.
     *
     * @param loops how many loops
     * @param factory the protocol factory
     * @param host the address to listen on, or {@code null}
     * @param port the port, or 0
     * @param options the server options
     * @return the serving server
     * @throws IOException if an address cannot be bound
     */
    public static MultiLoopServer create(int loops, Supplier<? extends BaseProtocol> factory, String host, int port,
            ServerOptions options) throws IOException {
        Objects.requireNonNull(factory, "factory");
        ServerOptions o = checked(loops, port, options);
        return launch(loops, (h, p) -> Net.createServer(factory, h, p, o), host, port);
    }

    private static ServerOptions checked(int loops, int port, ServerOptions options) {
        Objects.requireNonNull(options, "options");
        if (loops < 1) {
            throw new IllegalArgumentException("a server needs at least one loop, not " + loops);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!options.startServing()) {
            throw new IllegalArgumentException("a MultiLoopServer accepts as soon as it is bound: startServing must be true");
        }
        boolean supported = ReusePort.SUPPORTED;
        if (loops > 1 && !supported) {
            throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this platform ("
                    + System.getProperty("os.name") + "), so " + loops + " loops cannot share a port; use one loop");
        }
        return options.withReusePort(supported);
    }

    /** Whether the JDK offers SO_REUSEPORT here: asked once, lazily. */
    private static final class ReusePort {
        static final boolean SUPPORTED = probe();

        private static boolean probe() {
            try (ServerSocketChannel c = ServerSocketChannel.open()) {
                return c.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static MultiLoopServer launch(int count, Starter starter, String host, int port) throws IOException {
        MultiLoopServerImpl s = new MultiLoopServerImpl(count, starter, host, port);
        s.startAll();
        return s;
    }

    // ============================================================ starting

    private void startAll() throws IOException {
        try {
            Member first = members.get(0);
            startThread(first);
            List<SocketAddress> bound = new ArrayList<>(awaitBound(first));
            for (Member m : members.subList(1, members.size())) {
                startThread(m);
            }
            for (Member m : members.subList(1, members.size())) {
                awaitBound(m);
            }
            List<EventLoop> ls = new ArrayList<>();
            for (Member m : members) {
                ls.add(m.loop);
            }
            this.loops = List.copyOf(ls);
            this.sockets = List.copyOf(bound);
            synchronized (this) {
                if (state != State.STARTING) {
                    throw new IOException("server " + name + " ended while it started", failure);
                }
                state = State.SERVING;
            }
        } catch (IOException | RuntimeException | Error e) {
            shutdown(Duration.ZERO);
            joinUninterruptibly();
            throw e;
        }
    }

    private void startThread(Member m) {
        synchronized (this) {
            alive++; // before start: the thread may end, and count itself out, at once
        }
        try {
            m.thread.start();
        } catch (RuntimeException | Error e) { // no thread to be had: it never ran, so never counts out
            synchronized (this) {
                alive--;
            }
            throw e;
        }
    }

    private static List<SocketAddress> awaitBound(Member m) throws IOException {
        try {
            return m.bound.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while " + m.thread.getName() + " was binding");
            io.initCause(e);
            throw io;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(m.thread.getName() + " failed to start", cause);
        }
    }

    // ============================================================ one loop

    /** One loop and its thread. The thread is the only writer of its fields. */
    private final class Member implements Runnable {
        final int index;
        final Thread thread;
        /** The addresses this loop listens on, or why it could not. */
        final CompletableFuture<List<SocketAddress>> bound = new CompletableFuture<>();
        /** Written by the loop's thread before {@link #bound} completes. */
        volatile EventLoop loop;

        Member(int index) {
            this.index = index;
            this.thread = Thread.ofPlatform().name(name + "-loop-" + index).unstarted(this);
        }

        @Override
        public void run() {
            Throwable failed = null;
            try {
                Aio.run(() -> {
                    serve();
                    return null;
                }, LoopOptions.defaults().withName(thread.getName()));
            } catch (Throwable t) {
                failed = t instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : t;
            }
            ended(this, failed);
        }

        /** The loop's main task: listen, wait for the signal, close. */
        private void serve() throws IOException {
            loop = Aio.getRunningLoop();
            Future<Duration> stop = Aio.wrapFuture(closing); // made first: a shutdown during start reaches it too
            List<Listen> wanted = index == 0 ? firstPlan() : plan;
            List<Server> servers = new ArrayList<>();
            List<Listen> got = new ArrayList<>();
            List<SocketAddress> addresses = new ArrayList<>();
            try {
                for (Listen l : wanted) {
                    Server s = starter.start(l.host(), l.port());
                    servers.add(s);
                    addresses.addAll(s.sockets());
                    got.add(new Listen(l.host(), ((InetSocketAddress) s.sockets().get(0)).getPort()));
                }
            } catch (IOException | RuntimeException e) {
                for (Server s : servers) {
                    s.close();
                }
                throw e;
            }
            if (index == 0) {
                plan = List.copyOf(got);
            }
            bound.complete(List.copyOf(addresses));
            Duration grace = Aio.await(stop);
            closeAll(servers, grace);
        }

        private List<Listen> firstPlan() throws IOException {
            if (host == null || host.isEmpty()) {
                return List.of(new Listen(null, port));
            }
            List<Listen> l = new ArrayList<>();
            for (InetAddress a : new LinkedHashSet<>(Net.resolve(host))) {
                l.add(new Listen(a.getHostAddress(), port));
            }
            return l;
        }

        @Override
        public String toString() {
            return thread.getName();
        }
    }

    /** Stops accepting, closes the clients, waits for them up to {@code grace}, aborts the rest. In a task. */
    private static void closeAll(List<Server> servers, Duration grace) {
        for (Server s : servers) {
            s.close();
        }
        for (Server s : servers) {
            s.closeClients();
        }
        if (Aio.withTimeoutOrNull(grace, () -> waitClosed(servers)) == null) {
            for (Server s : servers) {
                s.abortClients();
            }
            Aio.withTimeoutOrNull(ABORT_WAIT, () -> waitClosed(servers));
        }
    }

    private static Boolean waitClosed(List<Server> servers) {
        for (Server s : servers) {
            s.waitClosed();
        }
        return Boolean.TRUE;
    }

    /**
     * Called by each loop's thread as it ends. A loop that fails before it listens fails the start;
     * one that ends after it listened, by a failure or without being asked to, closes the server.
     */
    private void ended(Member m, Throwable failed) {
        boolean listened = m.bound.isDone() && !m.bound.isCompletedExceptionally();
        Throwable problem = failed;
        if (problem == null && listened && !closing.isDone()) {
            problem = new IllegalStateException(m + " ended while the server was serving (was its loop stopped?)");
        }
        boolean unexpected = listened && problem != null;
        synchronized (this) {
            if (unexpected && failure == null) {
                failure = problem;
            }
            if (--alive == 0 && state == State.CLOSING) {
                state = State.CLOSED;
            }
        }
        m.bound.completeExceptionally(failed != null ? failed
                : new IllegalStateException(m + " ended before it listened"));
        if (unexpected) {
            Log.LOGGER.log(System.Logger.Level.ERROR, m + " of server " + name + " failed; closing the server", problem);
            shutdown();
        }
    }

    // ============================================================ closing

    @Override
    public void shutdown() {
        shutdown(DEFAULT_GRACE);
    }

    @Override
    public void shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("negative grace period: " + grace);
        }
        synchronized (this) {
            if (state == State.STARTING || state == State.SERVING) {
                state = alive == 0 ? State.CLOSED : State.CLOSING;
            }
        }
        closing.complete(grace);
    }

    @Override
    public void close() {
        if (onOwnLoop()) {
            throw new IllegalStateException("close() on " + name + " from one of its own loops would wait for that"
                    + " loop forever; call shutdown() there, or close() from another thread");
        }
        shutdown();
        joinUninterruptibly();
    }

    private boolean onOwnLoop() {
        EventLoop current = SelectorLoop.runningInThisThread();
        if (current == null && Aio.currentTask() != null) {
            current = Aio.getRunningLoop();
        }
        for (Member m : members) {
            if (Thread.currentThread() == m.thread || (current != null && current == m.loop)) {
                return true;
            }
        }
        return false;
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        for (Member m : members) {
            while (true) {
                try {
                    m.thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void awaitClosed() throws InterruptedException {
        for (Member m : members) {
            m.thread.join();
        }
        throwIfFailed();
    }

    @Override
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Member m : members) {
            if (!m.thread.isAlive()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !m.thread.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        throwIfFailed();
        return true;
    }

    private void throwIfFailed() {
        Throwable f;
        synchronized (this) {
            f = failure;
        }
        if (f != null) {
            throw new IllegalStateException("a loop of server " + name + " failed: " + f, f);
        }
    }

    // ============================================================ accessors

    @Override
    public int port() {
        List<SocketAddress> s = sockets;
        return s.isEmpty() ? port : ((InetSocketAddress) s.get(0)).getPort();
    }

    @Override
    public List<SocketAddress> sockets() {
        return isServing() ? sockets : List.of();
    }

    @Override
    public List<EventLoop> loops() {
        return loops;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized boolean isServing() {
        return state == State.SERVING;
    }

    /**
     * Returns the lifecycle state.
     *
     * @return the state
     */
    synchronized State state() {
        return state;
    }

    @Override
    public String toString() {
        State s;
        synchronized (this) {
            s = state;
        }
        return "<MultiLoopServer " + name + " " + sockets + " loops=" + members.size() + " " + s.name().toLowerCase()
                + ">";
    }
}
