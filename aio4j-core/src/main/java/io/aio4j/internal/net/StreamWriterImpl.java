package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.net.ClientTls;
import io.aio4j.net.ClosedResourceException;
import io.aio4j.net.ServerTls;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.net.TlsHandshakeException;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;

/** The writing half of a stream connection over a transport. Loop thread only. */
public final class StreamWriterImpl implements StreamWriter {
    /** The socket transport, or after {@link #startTls} the TLS transport over it. */
    private Transport transport;
    private final StreamProtocol protocol;
    private final StreamReader reader;
    private boolean closedByUs;
    /** Whether {@link #writeEof()} was called: writing after it is using what we closed. */
    private boolean eofWritten;

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
        if (eofWritten) {
            throw new ClosedResourceException("write() after writeEof() on " + transport);
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
        eofWritten = true;
    }

    @Override
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    @Override
    public void startTls(ClientTls tls, String serverName) throws IOException {
        upgrade(plain -> TlsLayer.startClientTls(plain, protocol, tls, serverName));
    }

    @Override
    public void startTls(ServerTls tls) throws IOException {
        upgrade(plain -> TlsLayer.startServerTls(plain, protocol, tls));
    }

    /**
     * asyncio 3.11's {@code start_tls}: drain, put the TLS layer under the stream protocol (which
     * gets no second connectionMade; the reader keeps pausing the socket transport, which works as
     * well), then wait for the handshake.
     */
    private void upgrade(Function<Transport, TlsProtocol> attach) throws IOException {
        checkUpgradable();
        drain();
        checkUpgradable(); // again: another task may have closed or upgraded it meanwhile
        if (reader.buffered() > 0) {
            throw new TlsHandshakeException("startTls(): " + reader.buffered() + " bytes from " + transport.remoteAddress()
                    + " arrived before the TLS handshake and are still unread; they were not protected, so the "
                    + "upgrade is refused (STARTTLS command injection, CVE-2011-0411)", null);
        }
        TlsProtocol layer = attach.apply(transport);
        transport = layer.appTransport(); // writes from now on wait for the handshake, then are encrypted
        layer.awaitHandshake();
    }

    private void checkUpgradable() throws IOException {
        if (transport instanceof TlsTransport) {
            throw new IllegalStateException("startTls(): the connection speaks TLS already: " + transport);
        }
        if (closedByUs) {
            throw new ClosedResourceException("startTls() on a stream writer this program closed: " + transport);
        }
        if (protocol.lost()) {
            throw protocol.connectionLostError();
        }
        if (eofWritten) {
            throw new ClosedResourceException("startTls() after writeEof() on " + transport);
        }
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
