package io.aio4j.internal.net;

import io.aio4j.EventLoop;
import io.aio4j.net.BaseProtocol;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * The application's side of a TLS connection: asyncio's {@code _SSLProtocolTransport}. Writes are
 * encrypted at once and queued in the socket transport below, whose water marks pause and resume
 * the protocol ({@link #setWriteBufferLimits} sets them there). {@link #close()} sends
 * {@code close_notify} after what was written, then closes the socket. TLS has no half-close here:
 * {@link #writeEof()} throws, as asyncio's SSL transport does. Loop thread only.
 */
final class TlsTransport implements Transport {
    private final TlsProtocol tls;

    TlsTransport(TlsProtocol tls) {
        this.tls = tls;
    }

    static BaseProtocol checked(BaseProtocol p) {
        if (!(p instanceof Protocol) && !(p instanceof BufferedProtocol)) {
            throw new IllegalArgumentException("a TLS transport needs a Protocol or a BufferedProtocol, not " + p);
        }
        return p;
    }

    @Override
    public void write(ByteBuffer data) {
        tls.appWrite(data);
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("a TLS transport cannot half-close (close_notify ends the whole "
                + "connection, as in asyncio); call close() instead: " + this);
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void close() {
        tls.appClose();
    }

    @Override
    public void abort() {
        tls.appAbort();
    }

    @Override
    public boolean isClosing() {
        return tls.appClosing();
    }

    @Override
    public void pauseReading() {
        tls.appPauseReading();
    }

    @Override
    public void resumeReading() {
        tls.appResumeReading();
    }

    @Override
    public boolean isReading() {
        return tls.appReading();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        tls.socket().setWriteBufferLimits(high, low);
    }

    @Override
    public long writeBufferSize() {
        return tls.writeBufferSize();
    }

    @Override
    public BaseProtocol protocol() {
        return tls.app();
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        tls.setApp(protocol);
    }

    @Override
    public SocketAddress localAddress() {
        return tls.socket().localAddress();
    }

    @Override
    public SocketAddress remoteAddress() {
        return tls.socket().remoteAddress();
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        return tls.session();
    }

    @Override
    public Optional<String> selectedAlpnProtocol() {
        return tls.alpn();
    }

    @Override
    public EventLoop loop() {
        return tls.loop();
    }

    /**
     * Returns the socket transport below (for tests and upgrades).
     *
     * @return the transport carrying the records
     */
    Transport socketTransport() {
        return tls.socket();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<TlsTransport ");
        tls.session().ifPresent(x -> s.append(x.getProtocol()).append(' ').append(x.getCipherSuite()).append(' '));
        return s.append(tls.state()).append(" over ").append(tls.socket()).append('>').toString();
    }
}
