package io.aio4j.http.internal.client;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.http.BadHttpMessageException;
import io.aio4j.http.ClientConnectionResetException;
import io.aio4j.http.ClientException;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.ClientResponseException;
import io.aio4j.http.Headers;
import io.aio4j.http.ServerDisconnectedException;
import io.aio4j.http.internal.Wakeup;
import io.aio4j.http.internal.codec.ChunkedEncoder;
import io.aio4j.http.internal.codec.MessageListener;
import io.aio4j.http.internal.codec.ParserState;
import io.aio4j.http.internal.codec.ResponseHead;
import io.aio4j.http.internal.codec.ResponseParser;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Loop thread only. One HTTP/1.1 connection of a session's pool: the protocol on its transport,
 * feeding a {@link ResponseParser} straight from the read buffer and passing what it finds to the
 * current {@link Exchange}. One request at a time (no pipelining on the client side).
 *
 * <pre>
 * state   to      when
 * IDLE    BUSY    the pool hands it to a request ({@link #send})
 * BUSY    IDLE    the response is complete and the connection may carry another
 * any     CLOSED  the response says close, the peer closed, a fault, abort(), the pool closes it
 * </pre>
 */
final class HttpConnection implements Protocol, MessageListener<ResponseHead> {
    /** A body up to this size goes out in one write with the head. */
    private static final int SMALL_BODY = 16 * 1024;

    /** The lifecycle above. */
    enum State { IDLE, BUSY, CLOSED }

    private final EventLoop loop;
    private final Pool pool;
    final Origin origin;
    private final ResponseParser parser = new ResponseParser(this);
    private Transport transport;
    private State state = State.IDLE;
    /** The request in flight; null when idle. */
    private Exchange exchange;
    /** Whether the current request's body has been handed to the transport whole. */
    private boolean requestSent;
    /** How many requests this connection carried, the current one included. */
    private int uses;
    private boolean writingPaused;
    /** Where a writing task waits for the transport's buffer to drain. */
    private final Wakeup drained;
    /** The pool's keep-alive timer while idle. */
    Handle idleTimer;

    HttpConnection(EventLoop loop, Pool pool, Origin origin) {
        this.loop = loop;
        this.pool = pool;
        this.origin = origin;
        this.drained = new Wakeup(loop);
    }

    State state() {
        return state;
    }

    /**
     * Says whether an earlier request used this connection: a failure on it may be a stale
     * keep-alive connection the server had closed.
     *
     * @return {@code true} if it was reused
     */
    boolean reused() {
        return uses > 1;
    }

    // ================================================================ the requesting task's side

    /**
     * Sends a request on this idle connection. Suspends the calling task while the transport's
     * buffer is full (a streamed body).
     *
     * @param ex the exchange; it receives the response
     * @param head the serialized request head
     * @throws ClientException if the connection broke while sending
     */
    void send(Exchange ex, byte[] head) throws ClientException {
        if (state != State.IDLE) {
            throw new IllegalStateException("connection " + this + " is not idle");
        }
        state = State.BUSY;
        exchange = ex;
        requestSent = false;
        uses++;
        parser.expectResponse(ex.request().method());
        ex.start();
        RequestBody body = ex.request().body();
        if (body instanceof RequestBody.Fixed f) {
            byte[] b = f.bytes();
            if (b.length == 0) {
                transport.write(head);
            } else if (b.length <= SMALL_BODY) {
                transport.write(join(head, b));
            } else {
                transport.write(head);
                transport.write(b);
            }
        } else if (body instanceof RequestBody.Streamed s) {
            transport.write(head);
            while (s.chunks().hasNext()) {
                byte[] c = s.chunks().next();
                if (c.length > 0) {
                    checkOpen(ex);
                    transport.write(ChunkedEncoder.chunk(c, 0, c.length));
                    drain(ex);
                }
            }
            checkOpen(ex);
            transport.write(ChunkedEncoder.lastChunk(Headers.of()));
        }
        requestSent = true;
        if (ex.isComplete()) {
            // The response came whole while the body was still going out: the server may not have
            // read the rest, and would take it for the next request. Never reuse (Go does the same).
            exchange = null;
            close();
        }
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void checkOpen(Exchange ex) throws ClientException {
        if (state == State.CLOSED || ex.failed() || ex.isComplete()) {
            ex.awaitHead(); // throws the failure, if that is what stopped it
            throw new ServerDisconnectedException("Server " + origin + " answered or disconnected before the request body"
                    + " was sent", null);
        }
    }

    private void drain(Exchange ex) throws ClientException {
        while (writingPaused && state != State.CLOSED) {
            drained.park();
        }
        checkOpen(ex);
    }

    void pauseReading() {
        if (state != State.CLOSED) {
            transport.pauseReading();
        }
    }

    void resumeReading() {
        if (state != State.CLOSED) {
            transport.resumeReading();
        }
    }

    /**
     * Returns the SHA-256 digest of the server's certificate (DER), for certificate pinning.
     *
     * @return the digest, or {@code null} without TLS or a certificate
     */
    byte[] certificateDigest() {
        try {
            Certificate[] chain = transport.tlsSession().map(tls -> {
                try {
                    return tls.getPeerCertificates();
                } catch (SSLPeerUnverifiedException e) {
                    return null;
                }
            }).orElse(null);
            if (chain == null || chain.length == 0) {
                return null;
            }
            return MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Closes the connection at once (TCP reset): it cannot carry another request. */
    void abort() {
        if (state != State.CLOSED && transport != null) {
            transport.abort();
        }
    }

    /** Closes the connection politely (a TLS connection sends close_notify). */
    void close() {
        if (state != State.CLOSED && transport != null) {
            transport.close();
        }
    }

    // ================================================================ the transport's side

    @Override
    public void connectionMade(Transport t) {
        this.transport = t;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        Exchange ex = exchange;
        if (ex == null) {
            // Bytes nobody asked for on an idle connection: the server is confused or closing it.
            // Reading them as the next response would desynchronize the connection; drop it.
            transport.abort();
            return;
        }
        ex.bytesArrived();
        try {
            parser.feed(data);
        } catch (BadHttpMessageException e) {
            failParse(ex, e);
            return;
        }
        if (exchange == ex && ex.isComplete()) {
            finishExchange(data.hasRemaining());
        }
    }

    @Override
    public boolean eofReceived() {
        Exchange ex = exchange;
        if (ex != null) {
            try {
                parser.feedEof(); // ends a body that runs until the connection closes
            } catch (BadHttpMessageException e) {
                ex.fail(ex.headKnown()
                        ? new ClientPayloadException("Response payload is not completed: " + e.getMessage(), e)
                        : new ServerDisconnectedException("Server " + origin + " disconnected inside the response head ("
                                + ex.request() + "): " + e.getMessage(), e));
                return false;
            }
            if (ex.isComplete()) {
                finishExchange(true);
            } else {
                ex.fail(new ServerDisconnectedException("Server " + origin + " disconnected before the response "
                        + "was complete (" + ex.request() + ")", null));
            }
        }
        return false;
    }

    @Override
    public void connectionLost(Exception cause) {
        state = State.CLOSED;
        Exchange ex = exchange;
        exchange = null;
        wakeDrain();
        if (ex != null && !ex.isComplete()) {
            ex.fail(lostError(ex, cause));
        }
        pool.closed(this);
    }

    private ClientException lostError(Exchange ex, Exception cause) {
        String what = ex.request() + " on " + origin;
        if (isReset(cause)) {
            return new ClientConnectionResetException("Connection reset by peer: " + what, cause);
        }
        if (ex.responseStarted() && parser.state() == ParserState.BODY) {
            return new ClientPayloadException("Response payload is not completed: the connection was lost ("
                    + what + ")", cause);
        }
        return new ServerDisconnectedException("Server disconnected: " + what, cause);
    }

    private static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException && String.valueOf(t.getMessage()).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        wakeDrain();
    }

    private void wakeDrain() {
        drained.wake();
    }

    // ================================================================ the parser's side

    @Override
    public void onHead(ResponseHead head) {
        exchange.onHead(head);
    }

    @Override
    public void onBody(ByteBuffer data) {
        exchange.onBody(data);
    }

    @Override
    public void onMessageComplete() {
        exchange.onComplete();
    }

    private void failParse(Exchange ex, BadHttpMessageException e) {
        ClientException failure = ex.headKnown()
                ? new ClientPayloadException("Response payload is not valid: " + e.getMessage(), e)
                : new ClientResponseException(400, e.getMessage(), ex.request().url(), null, List.of(), e);
        ex.fail(failure);
        transport.abort();
    }

    /**
     * The response is complete: back to the pool if the connection may carry another request.
     *
     * @param leftover whether bytes came after the response (or the connection is ending)
     */
    private void finishExchange(boolean leftover) {
        if (!requestSent) {
            return; // the server answered before the body was out: send() closes the connection
        }
        boolean early = transport.writeBufferSize() > 0;
        exchange = null;
        boolean reusable = !leftover && !early && parser.state() == ParserState.IDLE && state == State.BUSY
                && !transport.isClosing();
        if (reusable) {
            state = State.IDLE;
            pool.release(this);
        } else {
            close();
        }
    }

    @Override
    public String toString() {
        return "<HttpConnection " + origin + " " + state + " uses=" + uses + ">";
    }
}
