package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.ClosedResourceException;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Protocol;
import io.aio4j.net.StreamReader;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;

/**
 * The protocol under a stream connection: feeds the {@link StreamReader}, tells the
 * {@link StreamWriterImpl} when to make {@code drain()} wait, and on a server starts the handler
 * task. asyncio's {@code StreamReaderProtocol} with its {@code FlowControlMixin}. Loop thread only.
 */
public final class StreamProtocol implements Protocol {
    private final EventLoop loop;
    private final StreamReader reader;
    private final ConnectionHandler handler;
    private final boolean keepOpenOnEof;
    private final Future<Void> closed;
    private final DrainWaiters drainWaiters;
    private StreamWriterImpl writer;
    private boolean writingPaused;
    private boolean lost;

    /**
     * Creates the protocol of one connection.
     *
     * @param loop the loop
     * @param limit the reader's limit
     * @param handler the server's handler, started as a task once connected; {@code null} on a client
     * @param keepOpenOnEof whether the peer's EOF leaves the connection open for writing (not on TLS)
     */
    public StreamProtocol(EventLoop loop, int limit, ConnectionHandler handler, boolean keepOpenOnEof) {
        this.loop = loop;
        this.drainWaiters = new DrainWaiters(loop);
        this.reader = new StreamReader(limit);
        this.handler = handler;
        this.keepOpenOnEof = keepOpenOnEof;
        this.closed = loop.createFuture();
    }

    /**
     * Returns the reading half.
     *
     * @return the reader
     */
    public StreamReader reader() {
        return reader;
    }

    /**
     * Returns the writing half, once connected.
     *
     * @return the writer
     */
    public StreamWriterImpl writer() {
        return writer;
    }

    @Override
    public void connectionMade(Transport transport) {
        reader.setTransport(transport);
        writer = new StreamWriterImpl(transport, this, reader);
        if (handler != null) {
            loop.createTask(() -> {
                serve();
                return null;
            }, "client " + transport.remoteAddress());
        }
    }

    private void serve() {
        try {
            handler.handle(reader, writer);
        } catch (Exception e) {
            loop.callExceptionHandler(ExceptionContext.of("Unhandled exception in the handler of connection "
                    + writer.transport(), e));
        } finally {
            writer.close();
        }
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Exception cause) {
        lost = true;
        if (cause == null) {
            reader.feedEof();
        } else {
            reader.setException(cause instanceof IOException io ? io : new BrokenResourceException(cause.getMessage(), cause));
        }
        if (!closed.done()) {
            if (cause == null) {
                closed.setResult(null);
            } else {
                closed.setException(cause);
                closed.exception(); // retrieved: waitClosed is optional, its absence no leak
            }
        }
        wakeDrainers();
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        wakeDrainers();
    }

    private void wakeDrainers() {
        drainWaiters.wakeAll();
    }

    /** Waits while the transport's buffer is above its high water mark. */
    void drainHelper() throws IOException {
        if (lost) {
            throw connectionLostError();
        }
        if (!writingPaused) {
            return;
        }
        drainWaiters.await();
        if (lost) {
            throw connectionLostError();
        }
    }

    IOException connectionLostError() {
        if (writer != null && writer.closedByUs()) {
            return new ClosedResourceException("the connection with " + writer.transport().remoteAddress()
                    + " was closed by this program");
        }
        IOException cause = reader.exception();
        return new BrokenResourceException("connection with " + (writer == null ? "?" : writer.transport().remoteAddress())
                + " lost" + (cause == null ? ": the peer closed it" : ": " + cause.getMessage()), cause);
    }

    boolean lost() {
        return lost;
    }

    /** Waits until the connection has ended. */
    void waitClosed() throws IOException {
        try {
            // Shielded: awaiting cancels what it awaits when the task is cancelled, and every
            // waitClosed() shares this future.
            Aio.await(Aio.shield(closed));
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }
}
