package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.TimerHandle;
import io.aio4j.internal.loop.Log;
import io.aio4j.internal.loop.SelectorLoop;
import io.aio4j.internal.task.ToThread;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.Protocol;
import io.aio4j.net.TlsHandshakeException;
import io.aio4j.net.TlsHandshakeTimeoutException;
import io.aio4j.net.TlsTruncationException;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * TLS between a socket transport and the application's protocol: asyncio's {@code SSLProtocol}
 * ({@code sslproto.py}). The socket transport reads into this protocol's buffer; an
 * {@link SSLEngine} unwraps the records, and the application's protocol receives the plaintext
 * through a {@link TlsTransport}, whose writes are wrapped at once and handed to the socket
 * transport. So there is one write buffer, the socket transport's: its water marks pause and resume
 * the application's protocol through this one. Loop thread only.
 *
 * <pre>
 * state          entered when                                      next
 * NEW            created                                           HANDSHAKING
 * HANDSHAKING    attached to a socket transport: beginHandshake()  OPEN, FAILED, CLOSED
 * OPEN           the handshake finished                            SHUTTING_DOWN, CLOSED
 * SHUTTING_DOWN  close(): close_notify sent, the socket closing    CLOSED
 * FAILED         the handshake failed: alert sent, socket closing  CLOSED
 * CLOSED         the socket transport's connectionLost             -
 * </pre>
 *
 * <p>The engine is driven by one method, {@link #pump()}, which does what the handshake status asks
 * (wrap, unwrap, run delegated tasks) until it needs more bytes from the peer; it is not reentrant:
 * a call made while it runs (from a protocol callback it made) asks it to go round once more.
 * Delegated tasks (certificate checks, key exchange) run inline, like OpenSSL's in asyncio; once one
 * took longer than {@link #SLOW_TASK_NANOS}, the connection sends the later ones to the
 * {@code toThread} pool, so a slow trust manager stalls its own handshake and not the loop.
 */
final class TlsProtocol implements BufferedProtocol {
    enum State { NEW, HANDSHAKING, OPEN, SHUTTING_DOWN, FAILED, CLOSED }

    /** A delegated task longer than this (5 ms) sends the connection's later tasks to a thread. */
    static final long SLOW_TASK_NANOS = 5_000_000;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SelectorLoop loop;
    private final TlsBuffers buffers;
    private final SSLEngine engine;
    private final boolean client;
    private final String host;
    private final Duration handshakeTimeout;
    private final TlsTransport transport;
    private final Future<Void> handshake;
    private final Future<Void> lost;
    /** Plaintext written before the handshake finished or while tasks run; wrapped afterwards. */
    private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>();
    private BaseProtocol app;
    private Transport socket;
    private State state = State.NEW;
    /** Bytes read but not yet unwrapped (part of a record), in write mode; {@code null} while there are none. */
    private ByteBuffer netIn;
    private long backlogBytes;
    /** Whether the application protocol saw connectionMade, so that it must see connectionLost. */
    private boolean appConnected;
    private boolean readingPaused;
    private boolean socketWritingPaused;
    private boolean appWritingPaused;
    private boolean pumping;
    private boolean pumpAgain;
    private boolean tasksRunning;
    private boolean offloadTasks;
    private boolean closeNotifyReceived;
    private boolean closeRequested;
    /** What ends the connection for the application, when it is not what the socket reports. */
    private Exception failure;
    private TimerHandle handshakeTimer;

    /**
     * Creates the layer of one connection.
     *
     * @param loop the loop
     * @param engine an engine in client or server mode, parameters set
     * @param app the application's protocol: a {@link Protocol} or a {@link BufferedProtocol}
     * @param host the host name or address the client connects to; {@code null} on a server
     * @param handshakeTimeout how long the handshake may take; {@code null}: no limit
     * @param appConnected whether {@code app} already saw {@code connectionMade} (an upgrade)
     */
    TlsProtocol(SelectorLoop loop, SSLEngine engine, BaseProtocol app, String host, Duration handshakeTimeout,
            boolean appConnected) {
        this.loop = loop;
        this.buffers = TlsBuffers.of(loop);
        this.engine = engine;
        this.client = engine.getUseClientMode();
        this.host = host;
        this.handshakeTimeout = handshakeTimeout;
        this.app = TlsTransport.checked(app);
        this.appConnected = appConnected;
        this.transport = new TlsTransport(this);
        this.handshake = loop.createFuture();
        this.lost = loop.createFuture();
    }

    TlsTransport appTransport() {
        return transport;
    }

    // ============================================================ the socket transport's side

    @Override
    public void connectionMade(Transport t) {
        attach(t);
    }

    /** Starts the handshake over {@code t}, whose protocol this is. */
    void attach(Transport t) {
        if (state != State.NEW) {
            throw new IllegalStateException("TLS layer already attached: " + this);
        }
        socket = t;
        state = State.HANDSHAKING;
        if (handshakeTimeout != null) {
            handshakeTimer = loop.callLater(handshakeTimeout, this::onHandshakeTimeout);
        }
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            failHandshake(TlsErrors.handshakeFailed(e, client, host, t.remoteAddress()), true);
            return;
        }
        pump();
    }

    @Override
    public ByteBuffer getBuffer(int sizeHint) {
        if (netIn == null) {
            netIn = buffers.takeNetIn(engine.getSession().getPacketBufferSize());
        } else if (!netIn.hasRemaining()) {
            netIn = grown(netIn, netIn.capacity() * 2);
        }
        return netIn;
    }

    @Override
    public void bufferUpdated(int nbytes) {
        pump();
    }

    @Override
    public boolean eofReceived() {
        if (state == State.HANDSHAKING) {
            failHandshake(new TlsHandshakeException("TLS handshake with " + who() + " failed: the peer closed the "
                    + "connection before the handshake finished (does it speak TLS there?)", null), true);
        } else if (state == State.OPEN && !closeNotifyReceived) {
            // Every whole record was delivered: what is left, if anything, is part of one.
            SSLException report = null;
            try {
                engine.closeInbound();
            } catch (SSLException e) {
                report = e;
            }
            failure = new TlsTruncationException("TLS connection with " + who() + " truncated: the peer closed it "
                    + "without close_notify, so the data may be incomplete", report);
        }
        return false;
    }

    @Override
    public void connectionLost(Exception cause) {
        State was = state;
        state = State.CLOSED;
        cancelTimer();
        if (netIn != null) {
            buffers.giveNetIn(netIn);
            netIn = null;
        }
        backlog.clear();
        backlogBytes = 0;
        engine.closeOutbound();
        try {
            engine.closeInbound();
        } catch (SSLException ignored) {
            // a truncation is reported already, or the connection was ours to close
        }
        if (was == State.HANDSHAKING) {
            TlsHandshakeException e = new TlsHandshakeException("TLS handshake with " + who()
                    + " failed: the connection was lost" + (cause == null ? "" : ": " + cause.getMessage()), cause);
            failure = e;
            handshakeFailed(e);
        }
        Exception toApp = failure != null ? failure : cause;
        if (appConnected) {
            try {
                app.connectionLost(toApp);
            } catch (RuntimeException e) {
                report("protocol.connectionLost() failed", e);
            }
        }
        lost.trySetResult(null);
    }

    @Override
    public void pauseWriting() {
        socketWritingPaused = true;
        if (appConnected && state == State.OPEN && !appWritingPaused) {
            appWritingPaused = true;
            try {
                app.pauseWriting();
            } catch (RuntimeException e) {
                report("protocol.pauseWriting() failed", e);
            }
        }
    }

    @Override
    public void resumeWriting() {
        socketWritingPaused = false;
        if (appWritingPaused) {
            appWritingPaused = false;
            try {
                app.resumeWriting();
            } catch (RuntimeException e) {
                report("protocol.resumeWriting() failed", e);
            }
        }
    }

    // ============================================================ the engine pump

    private boolean active() {
        return (state == State.HANDSHAKING || state == State.OPEN) && !socket.isClosing();
    }

    /** Drives the engine until it waits for the peer; see the class comment. */
    void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                pumpOnce();
            } while (pumpAgain && active());
        } catch (SSLException e) {
            onTlsError(e);
        } finally {
            pumping = false;
            if (netIn != null && netIn.position() == 0) {
                buffers.giveNetIn(netIn);
                netIn = null;
            }
        }
        if (closeRequested && state == State.OPEN && !tasksRunning) {
            startShutdown();
        }
    }

    private void pumpOnce() throws SSLException {
        while (active() && !tasksRunning) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> {
                    if (!runTasks()) {
                        return;
                    }
                }
                case NEED_WRAP -> {
                    if (!wrapHandshake()) {
                        return;
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!unwrap()) {
                        return;
                    }
                }
                default -> {
                    if (state == State.HANDSHAKING) {
                        handshakeFinished();
                        continue;
                    }
                    if (!backlog.isEmpty()) {
                        flushBacklog();
                    }
                    if (state != State.OPEN || readingPaused || engine.isInboundDone() || !unwrap()) {
                        return;
                    }
                }
            }
        }
    }

    /** Unwraps what is buffered and delivers the plaintext; returns whether it made progress. */
    private boolean unwrap() throws SSLException {
        if (netIn == null || netIn.position() == 0) {
            return false;
        }
        HandshakeStatus before = engine.getHandshakeStatus();
        int appSize = engine.getSession().getApplicationBufferSize();
        ByteBuffer out = buffers.takeAppOut(appSize);
        SSLEngineResult r;
        boolean progress = false;
        netIn.flip();
        try {
            while (true) {
                r = engine.unwrap(netIn, out);
                progress |= r.bytesConsumed() > 0 || r.bytesProduced() > 0;
                if (r.getStatus() == Status.BUFFER_OVERFLOW && out.position() == 0) {
                    buffers.giveAppOut(out); // smaller than the session's records: take a bigger one
                    appSize = engine.getSession().getApplicationBufferSize();
                    out = buffers.takeAppOut(Math.max(appSize, out.capacity() * 2));
                    continue;
                }
                // Several records per delivery while data flows; stop at anything else.
                if (r.getStatus() != Status.OK || r.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING
                        || !netIn.hasRemaining() || out.remaining() < appSize) {
                    break;
                }
            }
        } finally {
            netIn.compact();
        }
        try {
            if (state == State.HANDSHAKING
                    && (r.getHandshakeStatus() == HandshakeStatus.FINISHED || out.position() > 0)) {
                handshakeFinished();
            }
            if (out.position() > 0 && state == State.OPEN) {
                deliver(out);
            }
        } finally {
            buffers.giveAppOut(out);
        }
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                if (!netIn.hasRemaining()) {
                    netIn = grown(netIn, Math.max(netIn.capacity() * 2, engine.getSession().getPacketBufferSize()));
                }
                return progress;
            }
            case BUFFER_OVERFLOW -> {
                return true;
            }
            case CLOSED -> {
                onCloseNotify();
                return false;
            }
            default -> {
                return progress || engine.getHandshakeStatus() != before;
            }
        }
    }

    private void deliver(ByteBuffer out) {
        out.flip();
        try {
            if (app instanceof Protocol p) {
                p.dataReceived(out);
            } else {
                BufferedProtocol bp = (BufferedProtocol) app;
                while (out.hasRemaining()) {
                    ByteBuffer b = bp.getBuffer(out.remaining());
                    if (b == null || !b.hasRemaining()) {
                        throw new IllegalStateException("BufferedProtocol.getBuffer() returned no room: " + b);
                    }
                    int n = Math.min(b.remaining(), out.remaining());
                    int limit = out.limit();
                    out.limit(out.position() + n);
                    b.put(out);
                    out.limit(limit);
                    bp.bufferUpdated(n);
                }
            }
        } catch (RuntimeException e) {
            appFailed(e, "dataReceived()");
        }
    }

    /** Wraps what the handshake (or a close) asks to send; returns whether it made progress. */
    private boolean wrapHandshake() throws SSLException {
        int packet = engine.getSession().getPacketBufferSize();
        ByteBuffer out = buffers.takeNetOut(2 * packet);
        SSLEngineResult r;
        boolean produced = false;
        try {
            do { // a flight of several messages goes out in one write
                r = engine.wrap(EMPTY, out);
                produced |= r.bytesProduced() > 0;
                if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                    flush(out);
                    if (r.bytesProduced() == 0 && out.capacity() < 2 * packet) {
                        buffers.giveNetOut(out);
                        out = buffers.takeNetOut(4 * packet);
                    }
                }
            } while (r.getStatus() != Status.CLOSED && r.getHandshakeStatus() == HandshakeStatus.NEED_WRAP
                    && (r.bytesProduced() > 0 || r.getStatus() == Status.BUFFER_OVERFLOW));
            flush(out);
        } finally {
            buffers.giveNetOut(out);
        }
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeFinished();
        }
        return produced || engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP;
    }

    /** Runs the engine's delegated tasks; returns {@code false} if they went to a thread. */
    private boolean runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            if (offloadTasks) {
                offload(task);
                return false;
            }
            long start = System.nanoTime();
            task.run();
            if (System.nanoTime() - start > SLOW_TASK_NANOS) {
                offloadTasks = true;
            }
        }
        return true;
    }

    private void offload(Runnable first) {
        List<Runnable> batch = new ArrayList<>();
        batch.add(first);
        for (Runnable t; (t = engine.getDelegatedTask()) != null; ) {
            batch.add(t);
        }
        tasksRunning = true;
        Future<Void> done = ToThread.runInExecutor(null, () -> {
            for (Runnable r : batch) {
                r.run(); // a failure is kept by the engine and thrown by its next wrap or unwrap
            }
            return null;
        });
        done.addDoneCallback(f -> {
            tasksRunning = false;
            if (active()) {
                pump();
            }
        });
    }

    private void flush(ByteBuffer out) {
        out.flip();
        if (out.hasRemaining()) {
            socket.write(out);
        }
        out.clear();
    }

    private ByteBuffer grown(ByteBuffer b, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
        b.flip();
        bigger.put(b);
        buffers.giveNetIn(b);
        return bigger;
    }

    // ============================================================ handshake outcome

    private void handshakeFinished() {
        if (state != State.HANDSHAKING) {
            return;
        }
        state = State.OPEN;
        cancelTimer();
        if (!appConnected) {
            appConnected = true;
            try {
                app.connectionMade(transport);
            } catch (RuntimeException | Error e) {
                if (client) {
                    handshake.trySetException(e); // connectClient rethrows it
                    failure = e instanceof Exception x ? x : null;
                    socket.abort();
                } else {
                    appFailed(e instanceof Exception x ? x : new RuntimeException(e), "connectionMade()");
                }
                return;
            }
        }
        if (socketWritingPaused) {
            pauseWriting();
        }
        flushBacklog();
        handshake.trySetResult(null);
    }

    private void onHandshakeTimeout() {
        handshakeTimer = null;
        failHandshake(new TlsHandshakeTimeoutException("TLS handshake with " + who() + " did not finish within "
                + handshakeTimeout.toMillis() + " ms: aborting the connection (does the peer speak TLS there?)",
                handshakeTimeout), false);
    }

    private void failHandshake(TlsHandshakeException e, boolean sendAlert) {
        if (state != State.HANDSHAKING) {
            return;
        }
        state = State.FAILED;
        cancelTimer();
        failure = e;
        if (sendAlert) {
            sendAlertAndClose();
        } else if (socket.writeBufferSize() == 0) {
            socket.close(); // a FIN, as asyncio's timeout does: the peer reads EOF
        } else {
            socket.abort(); // it does not read what we sent: a close would wait for it forever
        }
        handshakeFailed(e);
    }

    private void handshakeFailed(TlsHandshakeException e) {
        if (!client && !appConnected) {
            // asyncio logs a server's failed handshakes at debug level: scanners and bad clients are routine
            Log.LOGGER.log(System.Logger.Level.DEBUG, e.getMessage(), e);
        }
        if (handshake.trySetException(e)) {
            handshake.exception(); // retrieved: nobody awaits a server's handshake
        }
    }

    private void onTlsError(SSLException e) {
        if (state == State.HANDSHAKING) {
            failHandshake(TlsErrors.handshakeFailed(e, client, host, socket.remoteAddress()), true);
        } else if (state == State.OPEN || state == State.SHUTTING_DOWN) {
            if (failure == null) {
                failure = new BrokenResourceException("TLS error on the connection with " + who() + ": "
                        + e.getMessage(), e);
            }
            sendAlertAndClose();
        }
    }

    /** Sends what the engine still has to say (a fatal alert, close_notify), then closes the socket. */
    private void sendAlertAndClose() {
        ByteBuffer out = buffers.takeNetOut(2 * engine.getSession().getPacketBufferSize());
        try {
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                SSLEngineResult r = engine.wrap(EMPTY, out);
                flush(out);
                if (r.bytesProduced() == 0) {
                    break;
                }
            }
        } catch (SSLException | RuntimeException ignored) {
            // the alert is a courtesy; the connection closes either way
        } finally {
            buffers.giveNetOut(out);
        }
        socket.close();
    }

    /**
     * Waits for the handshake. Suspends the calling task. On failure, waits until the socket is
     * closed too, so that no socket outlives the error.
     */
    void awaitHandshake() throws IOException {
        try {
            Aio.await(handshake);
        } catch (CancelledError c) {
            socket.abort();
            throw c;
        } catch (CompletionException e) {
            awaitLost();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } catch (RuntimeException | Error e) {
            awaitLost();
            throw e;
        }
    }

    private void awaitLost() {
        if (!socket.isClosing()) {
            socket.abort();
        }
        if (!lost.done()) {
            Aio.await(lost);
        }
    }

    private void onCloseNotify() {
        if (closeNotifyReceived) {
            return;
        }
        closeNotifyReceived = true;
        if (state == State.HANDSHAKING) {
            failHandshake(new TlsHandshakeException("TLS handshake with " + who()
                    + " failed: the peer sent close_notify before the handshake finished", null), true);
            return;
        }
        if (state != State.OPEN) {
            return;
        }
        try {
            // asyncio ignores a true answer here too: TLS closes both directions (see TlsTransport).
            if (app instanceof Protocol p) {
                p.eofReceived();
            } else {
                ((BufferedProtocol) app).eofReceived();
            }
        } catch (RuntimeException e) {
            appFailed(e, "eofReceived()");
            return;
        }
        startShutdown();
    }

    // ============================================================ the application's side (TlsTransport)

    void appWrite(ByteBuffer data) {
        if (appClosing()) {
            data.position(data.limit()); // ignored, as on a closing socket transport
            return;
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (state != State.OPEN || tasksRunning || !backlog.isEmpty()) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            backlog.addLast(copy);
            backlogBytes += copy.remaining();
            return;
        }
        wrapAndSend(data);
    }

    private void flushBacklog() {
        ByteBuffer b;
        while (state == State.OPEN && !tasksRunning && (b = backlog.peekFirst()) != null) {
            int before = b.remaining();
            wrapAndSend(b);
            backlogBytes -= before - b.remaining();
            if (b.hasRemaining()) {
                return; // the engine wants something else first
            }
            backlog.pollFirst();
        }
    }

    /** Encrypts {@code src} into records for the socket transport; stops early if the engine must handshake. */
    private void wrapAndSend(ByteBuffer src) {
        int packet = engine.getSession().getPacketBufferSize();
        ByteBuffer out = buffers.takeNetOut(4 * packet);
        try {
            while (src.hasRemaining()) {
                if (out.remaining() < packet) {
                    flush(out);
                }
                SSLEngineResult r = engine.wrap(src, out);
                if (r.getStatus() == Status.CLOSED) {
                    src.position(src.limit()); // closed under us: dropped, as writes after close are
                    return;
                }
                if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                    if (out.position() > 0) {
                        flush(out);
                    } else {
                        buffers.giveNetOut(out); // smaller than the session's records: take a bigger one
                        packet = engine.getSession().getPacketBufferSize();
                        out = buffers.takeNetOut(Math.max(2 * out.capacity(), 2 * packet));
                    }
                } else if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    // The engine must unwrap or run tasks first (a key update, a renegotiation):
                    // keep the rest for the pump, which wraps it once the engine is ready.
                    if (src != backlog.peekFirst()) {
                        appWriteLater(src);
                    }
                    flush(out);
                    if (!pumping) {
                        pump();
                    }
                    return;
                }
            }
        } catch (SSLException e) {
            src.position(src.limit()); // the connection is broken: the rest is dropped
            flush(out);
            onTlsError(e);
        } finally {
            flush(out);
            buffers.giveNetOut(out);
        }
    }

    private void appWriteLater(ByteBuffer src) {
        ByteBuffer copy = ByteBuffer.allocate(src.remaining());
        copy.put(src).flip();
        backlog.addLast(copy);
        backlogBytes += copy.remaining();
    }

    void appClose() {
        closeRequested = true;
        startShutdown();
    }

    /** Sends close_notify after what was written, then closes the socket (which sends what it holds). */
    private void startShutdown() {
        if (state != State.OPEN || tasksRunning) {
            return; // after the handshake, or once the tasks are done
        }
        flushBacklog();
        if (state != State.OPEN || tasksRunning) {
            return;
        }
        state = State.SHUTTING_DOWN;
        engine.closeOutbound();
        sendAlertAndClose();
    }

    void appAbort() {
        closeRequested = true;
        socket.abort();
    }

    boolean appClosing() {
        return closeRequested || state.compareTo(State.SHUTTING_DOWN) >= 0 || (socket != null && socket.isClosing());
    }

    void appPauseReading() {
        if (appClosing() || readingPaused) {
            return;
        }
        readingPaused = true;
        socket.pauseReading();
    }

    void appResumeReading() {
        if (appClosing() || !readingPaused) {
            return;
        }
        readingPaused = false;
        socket.resumeReading();
        // Records may wait in netIn: deliver them on the next turn, not from inside the caller
        // (a StreamReader resumes reading just before it starts waiting for data).
        loop.callSoon(() -> {
            if (active()) {
                pump();
            }
        });
    }

    boolean appReading() {
        return !readingPaused && !appClosing();
    }

    long writeBufferSize() {
        return backlogBytes + socket.writeBufferSize();
    }

    Transport socket() {
        return socket;
    }

    BaseProtocol app() {
        return app;
    }

    void setApp(BaseProtocol p) {
        app = TlsTransport.checked(p);
    }

    SelectorLoop loop() {
        return loop;
    }

    Optional<SSLSession> session() {
        return state == State.OPEN || state == State.SHUTTING_DOWN ? Optional.of(engine.getSession()) : Optional.empty();
    }

    Optional<String> alpn() {
        String p = state == State.OPEN || state == State.SHUTTING_DOWN ? engine.getApplicationProtocol() : null;
        return p == null || p.isEmpty() ? Optional.empty() : Optional.of(p);
    }

    // ============================================================ helpers

    private void appFailed(Exception e, String callback) {
        report("Fatal error: protocol." + callback + " call failed.", e);
        if (failure == null) {
            failure = e;
        }
        socket.abort();
    }

    private void cancelTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
    }

    private void report(String message, Throwable e) {
        loop.callExceptionHandler(ExceptionContext.of(message + "\ntransport: " + transport, e));
    }

    private String who() {
        Object peer = socket == null ? null : socket.remoteAddress();
        return client ? host + (peer == null ? "" : " (" + peer + ")") : "client " + peer;
    }

    State state() {
        return state;
    }

    @Override
    public String toString() {
        return "<TlsProtocol " + (client ? "client" : "server") + " " + state + " " + who() + ">";
    }
}
