package io.aio4j.http.internal.client;

import io.aio4j.http.ClientException;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientResponseException;
import io.aio4j.http.ContentTypeException;
import io.aio4j.http.Headers;
import io.aio4j.http.BodyStream;
import io.aio4j.http.internal.ContentTypes;
import io.aio4j.http.internal.Json;
import io.aio4j.http.internal.codec.ResponseHead;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Loop thread only. A {@link ClientResponse}: the head, and the body read through a
 * {@link BodyReader} over the exchange.
 *
 * <pre>
 * state     to        when
 * OPEN      READ      the body was read to its end ({@code read()}, or the stream reached it)
 * OPEN      RELEASED  close()/release() before the end: the connection is closed
 * READ      RELEASED  close()/release(): nothing left to do
 * </pre>
 */
final class Response implements ClientResponse {
    /** The lifecycle above. */
    enum State { OPEN, READ, RELEASED }

    private final Session session;
    private final Exchange exchange;
    private final ResponseHead head;
    private final OutgoingRequest request;
    private final BodyReader reader;
    private List<ClientResponse> history = List.of();
    private State state = State.OPEN;
    private boolean streamed;
    private byte[] body;

    Response(Session session, Exchange exchange, ResponseHead head, OutgoingRequest request, boolean decompress,
            long maxDecompressed) {
        this.session = session;
        this.exchange = exchange;
        this.head = head;
        this.request = request;
        BodyDecoder decoder = decompress ? BodyDecoder.forEncoding(head.headers().get("Content-Encoding"), maxDecompressed)
                : null;
        this.reader = new BodyReader(exchange, decoder, this::reachedEnd);
    }

    void history(List<ClientResponse> h) {
        this.history = List.copyOf(h);
    }

    State state() {
        return state;
    }

    /**
     * Says whether this response still holds its connection: open, with a body not yet all in.
     *
     * @return {@code true} if closing the session would cut it
     */
    boolean holdsConnection() {
        return state == State.OPEN && !exchange.isComplete();
    }

    @Override
    public int status() {
        return head.status();
    }

    @Override
    public String reason() {
        return head.reason();
    }

    @Override
    public String version() {
        return head.version().text();
    }

    @Override
    public Headers headers() {
        return head.headers();
    }

    @Override
    public URI url() {
        return request.url();
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public List<ClientResponse> history() {
        return history;
    }

    @Override
    public ClientResponse raiseForStatus() throws ClientResponseException {
        if (head.status() >= 400) {
            release();
            throw new ClientResponseException(head.status(), head.reason(), request.url(), head.headers(), history, null);
        }
        return this;
    }

    @Override
    public String contentType() {
        String ct = head.headers().get("Content-Type");
        if (ct == null || ct.isBlank()) {
            return "application/octet-stream";
        }
        int semi = ct.indexOf(';');
        return (semi >= 0 ? ct.substring(0, semi) : ct).strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Charset charset() {
        String name = ContentTypes.charsetName(head.headers().get("Content-Type"));
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null; // unknown or malformed: the caller falls back to UTF-8
        }
    }

    @Override
    public long contentLength() {
        if (head.contentLength() >= 0) {
            return head.contentLength();
        }
        String cl = head.headers().get("Content-Length"); // a body-less response (HEAD, 304) may announce one
        try {
            return cl == null ? -1 : Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public byte[] read() throws ClientException {
        if (body != null) {
            return body;
        }
        if (streamed) {
            throw new IllegalStateException("the body was read as a stream (content()); it cannot be read whole too");
        }
        if (state == State.RELEASED) {
            throw new IllegalStateException("the response was released before its body was read");
        }
        try {
            body = reader.readWhole();
        } catch (ClientException | RuntimeException | Error e) {
            release();
            throw e;
        }
        return body;
    }

    @Override
    public String text() throws ClientException {
        Charset cs = charset();
        return text(cs != null ? cs : StandardCharsets.UTF_8);
    }

    @Override
    public String text(Charset charset) throws ClientException {
        return new String(read(), charset);
    }

    @Override
    public <T> T json(Class<T> type) throws ClientException {
        String ct = contentType();
        if (!ct.equals("application/json") && !ct.endsWith("+json")) {
            release();
            throw new ContentTypeException(head.status(), ct, request.url(), head.headers(), history);
        }
        byte[] b = read();
        try {
            return Json.read(b, type);
        } catch (IOException e) {
            throw new ClientPayloadException("Response body from " + request.url() + " is not JSON of the type "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public BodyStream content() {
        if (body != null) {
            throw new IllegalStateException("the body was already read whole");
        }
        streamed = true;
        return reader;
    }

    /** The reader reached the end of the body. */
    private void reachedEnd() {
        if (state == State.OPEN) {
            state = State.READ;
            session.forget(this);
        }
    }

    @Override
    public void release() {
        if (state == State.RELEASED) {
            return;
        }
        boolean atEnd = state == State.READ;
        state = State.RELEASED;
        if (!atEnd) {
            exchange.abandon();
        }
        session.forget(this);
    }

    @Override
    public void close() {
        release();
    }

    /**
     * Reads and drops a redirect's body if it is small and already complete or short, so its
     * connection can carry the next request; else the connection is closed.
     */
    void releaseRedirect() {
        if (exchange.isComplete() && state == State.OPEN) {
            state = State.READ;
        }
        release();
    }

    @Override
    public String toString() {
        return describe(request.url(), head) + " " + state + ">";
    }

    /** The start of {@link #toString()}, without the state and the closing bracket: for reports made after the response is gone. */
    static String describe(URI url, ResponseHead head) {
        return "<ClientResponse(" + url + ") [" + head.status() + " " + head.reason() + "]";
    }
}
