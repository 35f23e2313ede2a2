package io.aio4j.internal.process;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.internal.net.DrainWaiters;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.BrokenResourceException;
import io.aio4j.net.ClosedResourceException;
import io.aio4j.net.StreamWriter;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;

/**
 * The {@link StreamWriter} of a child's stdin, and the protocol of its {@link PipeWriteTransport}:
 * asyncio's {@code StreamWriter} over a {@code FlowControlMixin}. Its own class rather than the
 * socket streams' writer so that errors name the child and say that it exited. Loop thread only.
 */
final class StdinWriter implements StreamWriter, BaseProtocol {
    private final EventLoop loop;
    private final String name;
    private final Future<Void> closed;
    private final DrainWaiters drainWaiters;
    private Transport transport;
    private boolean paused;
    private boolean lost;
    private Exception lostCause;
    private boolean closedByUs;

    StdinWriter(EventLoop loop, String name) {
        this.loop = loop;
        this.drainWaiters = new DrainWaiters(loop);
        this.name = name;
        this.closed = loop.createFuture();
    }

    // ============================================================ protocol side

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
    }

    @Override
    public void pauseWriting() {
        paused = true;
    }

    @Override
    public void resumeWriting() {
        paused = false;
        wakeDrainers();
    }

    @Override
    public void connectionLost(Exception cause) {
        lost = true;
        lostCause = cause;
        if (cause == null) {
            closed.trySetResult(null);
        } else if (closed.trySetException(cause)) {
            closed.exception(); // retrieved: waitClosed is optional, its absence no leak
        }
        wakeDrainers();
    }

    private void wakeDrainers() {
        drainWaiters.wakeAll();
    }

    private IOException lostError() {
        if (closedByUs) {
            return new ClosedResourceException(name + " was closed by this program");
        }
        return new BrokenResourceException(name + " is closed: "
                + (lostCause == null ? "the process exited" : lostCause.getMessage()), lostCause);
    }

    // ============================================================ StreamWriter

    @Override
    public void write(byte[] data) throws IOException {
        write(ByteBuffer.wrap(data));
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
        if (closedByUs) {
            throw new ClosedResourceException("write() on " + name + ", which this program closed");
        }
        if (lost) {
            throw lostError();
        }
        transport.write(data);
    }

    @Override
    public void drain() throws IOException {
        if (lost) {
            throw lostError();
        }
        if (!paused) {
            return;
        }
        drainWaiters.await();
        if (lost) {
            throw lostError();
        }
    }

    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        closedByUs = true;
        transport.close();
    }

    @Override
    public boolean isClosing() {
        return transport.isClosing();
    }

    @Override
    public void waitClosed() throws IOException {
        try {
            Aio.await(Aio.shield(closed));
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "<StreamWriter " + name + (paused ? " paused" : "") + (lost ? " lost" : "") + " transport=" + transport
                + ">";
    }
}
