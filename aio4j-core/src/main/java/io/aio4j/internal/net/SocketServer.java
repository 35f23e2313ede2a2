package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.internal.loop.SelectionHandler;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.Server;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A listening server on the loop's selector: asyncio's {@code Server} with its
 * {@code _accept_connection}. Each accepted socket gets a protocol from the factory and a
 * {@link SocketTransport}. Loop thread only.
 */
public final class SocketServer implements Server, SelectionHandler {
    /** After the OS refused an accept (out of file descriptors, say), accepting pauses this long. */
    private static final Duration ACCEPT_RETRY_DELAY = Duration.ofSeconds(1);

    private final SelectorLoop loop;
    private final LoopNet net;
    private final List<ServerSocketChannel> channels;
    private final List<SocketAddress> addresses = new ArrayList<>();
    private final List<SelectionKey> keys = new ArrayList<>();
    private final Supplier<? extends BaseProtocol> factory;
    private final int backlog;
    private final boolean tcp;
    private final Set<SocketTransport> clients = new LinkedHashSet<>();
    private final ArrayDeque<Future<Void>> closeWaiters = new ArrayDeque<>(1);
    private boolean serving;
    private boolean closed;
    private Runnable afterClose;
    /** What {@link #serveForever()} waits on; {@link #close()} completes it. */
    private Future<Void> servingForever;

    /**
     * Creates a server on bound channels; it accepts once {@link #startServing()} is called.
     *
     * @param loop the loop
     * @param channels bound, listening, non-blocking channels
     * @param factory makes the protocol of each connection
     * @param backlog the most connections accepted per readiness event
     * @param tcp whether the channels are TCP (so accepted sockets get {@code TCP_NODELAY})
     * @throws IOException if an address cannot be read
     */
    public SocketServer(SelectorLoop loop, List<ServerSocketChannel> channels, Supplier<? extends BaseProtocol> factory,
            int backlog, boolean tcp) throws IOException {
        this.loop = loop;
        this.net = LoopNet.of(loop);
        this.channels = List.copyOf(channels);
        this.factory = factory;
        this.backlog = backlog;
        this.tcp = tcp;
        for (ServerSocketChannel c : this.channels) {
            addresses.add(c.getLocalAddress());
        }
        net.opened(this);
    }

    @Override
    public void startServing() {
        if (serving) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("server " + addresses + " is closed");
        }
        serving = true;
        try {
            if (keys.isEmpty()) {
                for (ServerSocketChannel c : channels) {
                    keys.add(loop.register(c, SelectionKey.OP_ACCEPT, this));
                }
            } else {
                setAccepting(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot register server " + addresses + " with the loop", e);
        }
    }

    private void setAccepting(boolean on) {
        for (SelectionKey k : keys) {
            if (k.isValid()) {
                k.interestOps(on ? SelectionKey.OP_ACCEPT : 0);
            }
        }
    }

    @Override
    public void onSelected(SelectionKey key) {
        ServerSocketChannel server = (ServerSocketChannel) key.channel();
        for (int i = 0; i < backlog && serving; i++) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                loop.callExceptionHandler(ExceptionContext.of("Socket accept failed on " + addresses
                        + "; accepting pauses for " + ACCEPT_RETRY_DELAY.toSeconds() + " s", e));
                setAccepting(false);
                loop.callLater(ACCEPT_RETRY_DELAY, () -> {
                    if (serving) {
                        setAccepting(true);
                    }
                });
                return;
            }
            if (ch == null) {
                return;
            }
            accepted(ch);
        }
    }

    private void accepted(SocketChannel ch) {
        try {
            ch.configureBlocking(false);
            if (tcp) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            SocketTransport t = new SocketTransport(loop, ch, factory.get());
            clients.add(t);
            t.onLost(() -> detach(t));
            t.start();
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already reported below
            }
            loop.callExceptionHandler(ExceptionContext.of("Error setting up an accepted connection on " + addresses, e));
        }
    }

    private void detach(SocketTransport t) {
        clients.remove(t);
        wakeCloseWaiters();
    }

    private void wakeCloseWaiters() {
        if (!closed || !clients.isEmpty()) {
            return;
        }
        Future<Void> w;
        while ((w = closeWaiters.pollFirst()) != null) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serving = false;
        for (SelectionKey k : keys) {
            k.cancel();
        }
        for (ServerSocketChannel c : channels) {
            try {
                c.close();
            } catch (IOException e) {
                // the listening socket is gone either way
            }
        }
        loop.flushCancelledKeys(); // close the listening sockets now, not at the next select
        net.closed(this);
        if (afterClose != null) {
            afterClose.run();
        }
        if (servingForever != null) {
            servingForever.trySetResult(null); // closed by other code: serveForever() returns
        }
        wakeCloseWaiters();
    }

    /**
     * Sets what runs once the listening sockets are closed (removing a Unix socket's file).
     *
     * @param cleanup the clean-up
     */
    public void afterClose(Runnable cleanup) {
        this.afterClose = cleanup;
    }

    @Override
    public void closeClients() {
        for (SocketTransport t : List.copyOf(clients)) {
            outermost(t).close();
        }
    }

    @Override
    public void abortClients() {
        for (SocketTransport t : List.copyOf(clients)) {
            outermost(t).abort();
        }
    }

    /** The transport the application sees: over TLS, closing it sends close_notify first. */
    private static Transport outermost(SocketTransport t) {
        return t.protocol() instanceof TlsProtocol tls ? tls.appTransport() : t;
    }

    @Override
    public void waitClosed() {
        if (closed && clients.isEmpty()) {
            return;
        }
        Future<Void> w = loop.createFuture();
        closeWaiters.addLast(w);
        try {
            Aio.await(w);
        } finally {
            closeWaiters.remove(w);
        }
    }

    /**
     * Accepts until the calling task is cancelled (then closes the server and passes the
     * cancellation on) or other code closes the server (then returns). asyncio raises
     * {@code CancelledError} in the second case too; a task that was not cancelled should not end
     * cancelled, so this returns.
     */
    @Override
    public void serveForever() {
        if (servingForever != null) {
            throw new IllegalStateException("server " + addresses + " is already being served by serveForever()");
        }
        startServing();
        Future<Void> forever = loop.createFuture();
        servingForever = forever;
        try {
            Aio.await(forever);
        } catch (CancelledError e) {
            close();
            throw e;
        } finally {
            servingForever = null;
        }
    }

    @Override
    public boolean isServing() {
        return serving;
    }

    @Override
    public List<SocketAddress> sockets() {
        return closed ? List.of() : List.copyOf(addresses);
    }

    @Override
    public int connectionCount() {
        return clients.size();
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public String toString() {
        return "<Server " + addresses + (closed ? " closed" : serving ? " serving" : " not serving") + " clients="
                + clients.size() + ">";
    }
}
