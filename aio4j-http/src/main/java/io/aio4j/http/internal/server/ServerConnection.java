package io.aio4j.http.internal.server;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.Task;
import io.aio4j.http.BadHttpMessageException;
import io.aio4j.http.internal.Wakeup;
import io.aio4j.http.internal.codec.BodyFraming;
import io.aio4j.http.internal.codec.HttpVersion;
import io.aio4j.http.internal.codec.MessageListener;
import io.aio4j.http.internal.codec.ParserLimits;
import io.aio4j.http.internal.codec.ParserState;
import io.aio4j.http.internal.codec.RequestHead;
import io.aio4j.http.internal.codec.RequestParser;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.HttpStatusException;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebServerOptions;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.ClosedResourceException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Loop thread only. One connection of a web server: a protocol feeding a {@link RequestParser}
 * straight from the read buffer, one handler task per request, one request at a time (pipelined
 * requests wait in the buffer, so responses go out in order): aiohttp.web's
 * {@code RequestHandler}.
 *
 * <pre>
 * state     to        when
 * IDLE      HEAD      the first byte of a request arrives (the head timer starts)
 * HEAD      HANDLING  the head is complete: the handler's task starts; the body keeps arriving
 * HANDLING  IDLE      the response is sent, the body is read or drained, the connection persists
 * any       CLOSING   the response says close, a bad request, a timeout, shutdown
 * any       CLOSED    the transport is gone
 * </pre>
 * The parser pauses at the end of each request, so the bytes of the next one stay unread until the
 * current response is sent; a malformed request is answered with 400 and the connection closed, and
 * nothing after it reaches a handler (request smuggling, HTTP-RELIABILITY.md F35).
 */
public final class ServerConnection implements Protocol, MessageListener<RequestHead> {
    /** The lifecycle above. */
    enum State { IDLE, HEAD, HANDLING, CLOSING, CLOSED }

    private final EventLoop loop;
    private final Application app;
    private final WebServerOptions options;
    private final ConnectionSet connections;
    private final RequestParser parser;
    private final ResponseSender sender;
    private Transport transport;
    private State state = State.IDLE;
    private IncomingRequest current;
    private Task<Void> handler;
    /** Bytes after the current request (pipelined), kept while it is handled. */
    private ByteBuffer pending;
    private BadHttpMessageException badRequest;
    private boolean closeWhenIdle;
    /** The client closed or reset the connection inside a request: its handler's failure is not ours. */
    private boolean clientGone;
    private boolean readingPaused;
    private Handle headTimer;
    private Handle idleTimer;
    private boolean writingPaused;
    /** Where a writing task waits for the transport's buffer to drain. */
    private final Wakeup drained;

    /**
     * Creates the protocol of one accepted connection.
     *
     * @param loop the loop it runs on
     * @param app the application
     * @param options the server's options
     * @param connections the server's connections on this loop
     */
    public ServerConnection(EventLoop loop, Application app, WebServerOptions options, ConnectionSet connections) {
        this.loop = loop;
        this.app = app;
        this.options = options;
        this.connections = connections;
        this.parser = new RequestParser(this, new ParserLimits(options.maxLineLength(), options.maxHeaderCount(),
                options.maxHeadBytes()));
        this.sender = new ResponseSender(this, options.serverHeader());
        this.drained = new Wakeup(loop);
    }

    // ================================================================ transport events

    @Override
    public void connectionMade(Transport t) {
        this.transport = t;
        connections.add(this);
        idleTimer = loop.callLater(options.headerTimeout(), this::idleTimedOut); // a silent new connection
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        feed(data);
    }

    private void feed(ByteBuffer data) {
        try {
            parser.feed(data);
        } catch (BadHttpMessageException e) {
            badRequest(e);
            return;
        }
        if (data.hasRemaining() && parser.state() != ParserState.CLOSED && parser.state() != ParserState.UPGRADED) {
            // The parser paused at the end of a request: keep the next ones for later, read no more.
            ByteBuffer copy = ByteBuffer.allocate((pending == null ? 0 : pending.remaining()) + data.remaining());
            if (pending != null) {
                copy.put(pending);
            }
            pending = copy.put(data).flip();
            pauseReading();
        }
    }

    @Override
    public boolean eofReceived() {
        try {
            parser.feedEof();
        } catch (BadHttpMessageException e) {
            if (current != null) {
                clientGone = true;
                current.body.fail(new BrokenResourceException("the client closed the connection before the request body"
                        + " was complete: " + e.getMessage(), e));
            }
        }
        // A client that half-closed after its request still reads the response.
        return state == State.HANDLING;
    }

    @Override
    public void connectionLost(Exception cause) {
        state = State.CLOSED;
        clientGone = true;
        cancel(headTimer);
        cancel(idleTimer);
        wakeDrain();
        if (current != null) {
            current.body.fail(new BrokenResourceException("the client went away", cause));
        }
        connections.remove(this);
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

    // ================================================================ parser events

    @Override
    public void onMessageBegin() {
        cancel(idleTimer);
        state = State.HEAD;
        headTimer = loop.callLater(options.headerTimeout(), this::headTimedOut);
    }

    @Override
    public void onHead(RequestHead head) {
        cancel(headTimer);
        state = State.HANDLING;
        RequestBody body = new RequestBody(loop, this, head.framing() == BodyFraming.NONE);
        IncomingRequest req;
        try {
            req = new IncomingRequest(head, transport.remoteAddress(), app.maxBodySize(), body);
        } catch (HttpStatusException e) {
            parser.pause();
            handler = loop.createTask(() -> respondAndClose(e.response()));
            return;
        }
        current = req;
        handler = loop.createTask(() -> serve(req));
    }

    @Override
    public void onBody(ByteBuffer data) {
        if (current != null) {
            current.body.add(data);
        }
    }

    @Override
    public void onMessageComplete() {
        if (current != null) {
            current.body.complete();
        }
        parser.pause(); // the next request waits until this one is answered
    }

    // ================================================================ handling, in the handler's task

    private void serve(IncomingRequest req) {
        Response resp;
        try {
            resp = app.handler().handle(req);
            if (resp == null) {
                throw new IllegalStateException("the handler returned null");
            }
        } catch (HttpStatusException e) {
            resp = e.response();
        } catch (CancelledError e) {
            cut();
            throw e;
        } catch (Exception | Error e) {
            if (clientGone) {
                // The client went away while the handler read or wrote: not the server's fault.
                cut();
                return;
            }
            if (badRequest != null) {
                // The body was malformed: the handler failed reading it. The client's fault: 400.
                resp = Response.text("400 Bad Request: " + badRequest.why()).status(400);
            } else {
                loop.callExceptionHandler(ExceptionContext.of("Error handling request " + req.method() + " "
                        + req.rawPath(), e));
                resp = Response.text("500 Internal Server Error").status(500);
            }
        }
        boolean keepAlive = req.keepAlive() && !closeWhenIdle && state != State.CLOSING && badRequest == null;
        if (!req.body.isComplete()) {
            long left = req.head().contentLength() < 0 ? Long.MAX_VALUE : req.head().contentLength() - req.body.received();
            keepAlive &= left <= options.drainLimit(); // F37: a small rest is drained, a large one closes
        }
        try {
            keepAlive = sender.send(req, resp, keepAlive);
        } catch (IOException e) {
            cut(); // the client went away or the response could not be finished: nothing else to do
            return;
        } catch (RuntimeException e) {
            loop.callExceptionHandler(ExceptionContext.of("Error sending the response to " + req.method() + " "
                    + req.rawPath(), e));
            cut();
            return;
        }
        if (!keepAlive) {
            close();
            return;
        }
        req.body.drainToEnd();
        next();
    }

    private void respondAndClose(Response resp) {
        try {
            sender.sendError(resp);
        } catch (IOException e) {
            // the client is gone
        }
        close();
    }

    /** The current request is answered: read the next one, if the connection persists. */
    private void next() {
        current = null;
        handler = null;
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        if (closeWhenIdle || badRequest != null) {
            close();
            return;
        }
        state = State.IDLE;
        idleTimer = loop.callLater(options.keepaliveTimeout(), this::idleTimedOut);
        parser.resume();
        ByteBuffer rest = pending;
        pending = null;
        resumeReading();
        if (rest != null) {
            feed(rest);
        }
    }

    private void badRequest(BadHttpMessageException e) {
        badRequest = e;
        pauseReading();
        if (state == State.HANDLING) {
            if (current != null) {
                current.body.fail(e);
            }
            return; // the current handler answers first; next() then closes
        }
        state = State.HANDLING;
        handler = loop.createTask(() -> respondAndClose(Response.text("400 Bad Request: " + e.why()).status(400)));
    }

    private void headTimedOut() {
        headTimer = null;
        if (state == State.HEAD) {
            state = State.HANDLING;
            pauseReading();
            handler = loop.createTask(() -> respondAndClose(Response.text("408 Request Timeout").status(408)));
        }
    }

    private void idleTimedOut() {
        idleTimer = null;
        if (state == State.IDLE) {
            close();
        }
    }

    // ================================================================ for the body and the sender

    void pauseBody() {
        pauseReading();
    }

    void resumeBody() {
        if (pending == null && badRequest == null) {
            resumeReading();
        }
    }

    /** The handler started reading the body: a client waiting for {@code 100 Continue} gets it. */
    void bodyWanted() {
        if (current != null && "100-continue".equalsIgnoreCase(current.headers().get("Expect"))
                && current.body.received() == 0 && !current.body.isComplete()
                && current.head().version() == HttpVersion.HTTP_1_1) {
            transport.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    void write(byte[] bytes) throws IOException {
        if (state == State.CLOSED || transport.isClosing()) {
            throw new ClosedResourceException("the connection to " + transport.remoteAddress() + " is closed");
        }
        transport.write(bytes);
    }

    /**
     * Sends part of a file with the transport's zero-copy path.
     *
     * @return the bytes sent now, or -1 if the transport cannot (TLS)
     */
    long sendFile(FileChannel file, long position, long count) throws IOException {
        if (state == State.CLOSED || transport.isClosing()) {
            throw new ClosedResourceException("the connection to " + transport.remoteAddress() + " is closed");
        }
        return transport.sendFile(file, position, count);
    }

    /** Waits while the transport's buffer is full. Suspends the calling task. */
    void drain() throws IOException {
        while (writingPaused && state != State.CLOSED) {
            drained.park();
        }
        if (state == State.CLOSED) {
            throw new BrokenResourceException("the client went away while the response was sent", null);
        }
    }

    private void wakeDrain() {
        drained.wake();
    }

    // ================================================================ closing

    /** Shutdown: close now if idle, else after the current response. */
    void closeWhenIdle() {
        closeWhenIdle = true;
        if (state == State.IDLE) {
            close();
        }
    }

    /** Closes after what was written has gone out. */
    void close() {
        if (state != State.CLOSED && state != State.CLOSING) {
            state = State.CLOSING;
            cancel(headTimer);
            cancel(idleTimer);
            transport.close();
        }
    }

    /** Cancels the handler and drops the connection at once. */
    void cut() {
        Task<Void> h = handler;
        if (h != null && !h.done() && h != Aio.currentTask()) {
            h.cancel();
        }
        if (state != State.CLOSED) {
            state = State.CLOSING;
            transport.abort();
        }
    }

    private void pauseReading() {
        if (!readingPaused && state != State.CLOSED) {
            readingPaused = true;
            transport.pauseReading();
        }
    }

    private void resumeReading() {
        if (readingPaused && state != State.CLOSED && state != State.CLOSING) {
            readingPaused = false;
            transport.resumeReading();
        }
    }

    private static void cancel(Handle h) {
        if (h != null) {
            h.cancel();
        }
    }

    @Override
    public String toString() {
        return "<ServerConnection " + (transport == null ? "" : transport.remoteAddress() + " ") + state + ">";
    }
}
