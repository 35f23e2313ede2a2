package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.net.ClosedResourceException;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/** The writing half of a stream connection over a transport. Loop thread only. */
public final class StreamWriterImpl implements StreamWriter {
    private final Transport transport;
    private final StreamProtocol protocol;
    private final StreamReader reader;
    private boolean closedByUs;

    StreamWriterImpl(Transport transport, StreamProtocol protocol, StreamReader reader) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
    }

    @Override
    public void write(byte[] data) throws IOException {
        write(ByteBuffer.wrap(data));
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
        if (closedByUs) {
            throw new ClosedResourceException("write() on a stream writer this program closed: " + transport);
        }
        if (protocol.lost()) {
            throw protocol.connectionLostError();
        }
        transport.write(data);
    }

    @Override
    public void drain() throws IOException {
        IOException failed = reader.exception();
        if (failed != null) {
            throw failed;
        }
        if (transport.isClosing()) {
            // Let connectionLost run first, so a closed connection raises instead of passing.
            Aio.sleep(Duration.ZERO);
        }
        protocol.drainHelper();
    }

    @Override
    public void writeEof() {
        transport.writeEof();
    }

    @Override
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    @Override
    public void close() {
        closedByUs = true;
        transport.close();
    }

    boolean closedByUs() {
        return closedByUs;
    }

    @Override
    public boolean isClosing() {
        return transport.isClosing();
    }

    @Override
    public void waitClosed() throws IOException {
        protocol.waitClosed();
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + " reader=" + reader + ">";
    }
}
