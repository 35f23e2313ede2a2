package io.aio4j.http.internal.codec;

import static io.aio4j.http.internal.codec.ByteClass.CR;
import static io.aio4j.http.internal.codec.ByteClass.HTAB;
import static io.aio4j.http.internal.codec.ByteClass.LF;
import static io.aio4j.http.internal.codec.ByteClass.SP;
import static io.aio4j.http.internal.codec.ByteClass.describe;

import io.aio4j.http.BadHttpMessageException;
import io.aio4j.http.BadStatusLineException;
import io.aio4j.http.ContentLengthException;
import io.aio4j.http.Headers;
import io.aio4j.http.InvalidHeaderException;
import io.aio4j.http.LineTooLongException;
import io.aio4j.http.TransferEncodingException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One thread only (the connection's): an incremental HTTP/1.1 parser that reads messages straight
 * from the read buffer and pushes what it finds to a {@link MessageListener}. No I/O: bytes in,
 * events out. {@link RequestParser} reads requests (a server), {@link ResponseParser} responses (a
 * client).
 *
 * <p>{@link #feed} consumes what it can of a buffer and returns; it may be given the stream split
 * anywhere, down to one byte at a time, and finds the same messages. Head bytes (start line and
 * fields) that arrive in pieces are kept in the parser, bounded by {@link ParserLimits}; body bytes
 * are never copied: {@link MessageListener#onBody} gets views of the buffer given to {@code feed}.
 * Several messages in one buffer (pipelining) are all parsed, unless the parser stops:
 * <ul>
 *   <li>after a message that switches protocols ({@link ParserState#UPGRADED}) or closes the
 *       connection ({@link ParserState#CLOSED}): the bytes after it stay in the buffer, from its
 *       position on, for the caller to hand to the new protocol or to discard;</li>
 *   <li>when a listener called {@link #pause()}; {@link #resume()} and feed the rest again;</li>
 *   <li>for a response parser, when no request awaits a response
 *       ({@link ResponseParser#expectResponse}).</li>
 * </ul>
 *
 * <h2>Framing policy</h2>
 * Strict where a lenient reading lets two parsers disagree on where a message ends (request
 * smuggling, response desync); lenient only where real servers need it. From aio4j's HTTP
 * reliability policy, §1:
 * <pre>
 * situation                                   request             response
 * Content-Length and Transfer-Encoding        reject              reject
 * Content-Length not digits, or two values    reject              reject
 * Transfer-Encoding: chunked not final/once   reject              reject (curl: not read until close)
 * Transfer-Encoding in HTTP/1.0               reject              reject (RFC 9112 §6.1)
 * LF without CR ending a line                 reject              accept
 * CR not followed by LF                       reject              reject
 * obs-fold (continuation line)                reject              unfold to SP, but never into
 *                                                                 Content-Length/Transfer-Encoding
 * HTTP/0.9 (no version), versions but 1.0/1.1 reject              reject
 * status code                                 -                   3 digits, 100 to 999
 * SP/HTAB after a chunk size                  reject              accept
 * chunk extensions                            checked, ignored    checked, ignored
 * chunk size over 63 bits                     reject              reject
 * </pre>
 * A response to HEAD, a 1xx, 204 or 304 has no body whatever its headers say.
 *
 * <h2>Errors</h2>
 * A malformed message throws a {@link BadHttpMessageException} from {@code feed} or
 * {@code feedEof}, naming what was wrong and its offset in the stream; the parser is then
 * {@link ParserState#FAILED} and the connection must be closed.
 *
 * @param <H> the head type
 */
public abstract sealed class HttpParser<H extends MessageHead> permits RequestParser, ResponseParser {

    /** Why a request's line ending with LF alone is refused. */
    static final String LF_ONLY = "a line ends with LF without CR, not allowed in requests";

    /** Where the machine is inside the current message; survives between feeds. */
    private enum Step {
        IDLE, IDLE_LF, START_LINE, FIELD_START, FIELD_NAME, FIELD_OWS, FIELD_VALUE, FIELD_LF, SECTION_END_LF,
        BODY_LENGTH, BODY_CHUNKED, BODY_UNTIL_CLOSE, STOPPED
    }

    /** Which field section the field steps are reading. */
    private enum Section { HEADERS, TRAILERS }

    private final MessageListener<? super H> listener;
    private final ParserLimits limits;
    /** Responses take the lenient side of the policy table. */
    private final boolean response;
    /** The framing fields of the current head. */
    final FramingFields framing = new FramingFields();

    private ParserState state = ParserState.IDLE;
    private Throwable failure;
    private Step step = Step.IDLE;
    private Section section = Section.HEADERS;
    private boolean paused;

    /** Bytes consumed by earlier feeds. */
    private long consumed;
    /** Stream offset of index 0 of the buffer being fed: offset(p) = base + p. */
    private long base;

    /** Where line bytes from a direct buffer are copied to be scanned; see {@link #staged}. */
    private final ByteBuffer staging = ByteBuffer.allocate(2048);

    // ---- Head accumulation.
    /** The current line's tokens. A field's name is line[0, nameLen), its value line[nameLen, length). */
    final TokenBuffer line = new TokenBuffer();
    private int nameLen;
    /** A complete field line waits in the line buffer: the next line may fold into it. */
    private boolean pendingField;
    private int lineLen;
    private int headBytes;
    private int fieldCount;
    private Headers.Builder fields = Headers.builder();
    private int versionIndex;
    private int versionMinor;

    // ---- Body.
    private H head;
    /** Bytes left in a Content-Length body. */
    private long remaining;
    private final ChunkedBodyReader chunked;

    HttpParser(MessageListener<? super H> listener, ParserLimits limits, boolean response) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.response = response;
        this.chunked = new ChunkedBodyReader(listener, limits.maxLineLength(), response);
    }

    // =================================================================================== public API

    /**
     * Parses the bytes of {@code in} from its position to its limit, calling the listener for what
     * they complete, and advances the position past what it consumed: all of it, unless the parser
     * stopped (see the class comment), in which case the position is at the first byte not read.
     * Bytes of an unfinished head are kept, so the caller may reuse the buffer after this returns.
     *
     * @param in the bytes read from the connection
     * @throws BadHttpMessageException if the peer sent a malformed message; the parser is then
     *     {@link ParserState#FAILED}
     * @throws IllegalStateException if the parser failed before
     */
    public final void feed(ByteBuffer in) throws BadHttpMessageException {
        checkNotFailed();
        int start = in.position();
        int end = in.limit();
        int p = start;
        base = consumed - start;
        boolean direct = !in.hasArray();
        try {
            while (p < end && running()) {
                p = direct && lineStep() ? staged(in, p, end) : step(in, p, end);
            }
        } catch (BadHttpMessageException e) {
            p = (int) Math.min(end, Math.max(p, e.offset() - base));
            fail(e);
            throw e;
        } catch (RuntimeException | Error e) {
            fail(e);
            throw e;
        } finally {
            consumed += p - start;
            in.position(p);
        }
    }

    /**
     * Tells the parser the stream ended. A body read until close completes here; between messages
     * this is a clean end. Either way the parser is then {@link ParserState#CLOSED}.
     *
     * @throws BadHttpMessageException if the stream ended inside a message: a plain
     *     {@code BadHttpMessageException} inside a head, a {@link ContentLengthException} or
     *     {@link TransferEncodingException} inside a body (whose bytes so far were delivered)
     * @throws IllegalStateException if the parser failed before
     */
    public final void feedEof() throws BadHttpMessageException {
        checkNotFailed();
        try {
            switch (state) {
                case IDLE -> stop(ParserState.CLOSED);
                case HEAD -> throw new BadHttpMessageException(section(), "the stream ended inside the head", consumed);
                case BODY -> {
                    if (step == Step.BODY_UNTIL_CLOSE) {
                        completeMessage();
                        stop(ParserState.CLOSED);
                    } else if (head.framing() == BodyFraming.CONTENT_LENGTH) {
                        throw new ContentLengthException("body", "the stream ended " + remaining
                                + " bytes short of Content-Length " + head.contentLength(), consumed);
                    } else { // chunked
                        throw new TransferEncodingException("chunked body",
                                "the stream ended before the last chunk and trailer section", consumed);
                    }
                }
                default -> {
                }
            }
        } catch (BadHttpMessageException | RuntimeException | Error e) {
            fail(e);
            throw e;
        }
    }

    /**
     * Stops the current or next {@link #feed} before it consumes another byte; meant to be called
     * by a listener, e.g. a server that answers pipelined requests one at a time. The bytes not
     * consumed stay in the buffer.
     */
    public final void pause() {
        paused = true;
    }

    /** Lets {@link #feed} consume again after {@link #pause()}. */
    public final void resume() {
        paused = false;
    }

    /**
     * Returns where the parser is in the stream of messages.
     *
     * @return the state
     */
    public final ParserState state() {
        return state;
    }

    /**
     * Returns how many bytes the parser has consumed since it was created: the stream offset of
     * the next byte it will read.
     *
     * @return the count
     */
    public final long consumed() {
        return consumed;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + state + " step=" + step + " at byte " + consumed
                + (paused ? " paused" : "") + ">";
    }

    // =============================================================== hooks for the two directions

    /** Resets the start line's own state; called as a message begins. */
    abstract void startLineBegin();

    /**
     * Consumes start-line bytes, calling {@link #startLineDone()} after its line end.
     *
     * @return the index after the last byte consumed; at least one byte is consumed
     */
    abstract int startLine(ByteBuffer in, int p, int end) throws BadHttpMessageException;

    /**
     * Builds the head once the header section is complete, deciding the body's framing.
     *
     * @param headers the header fields
     * @param offset the stream offset of the head's end, for errors
     */
    abstract H headComplete(Headers headers, long offset) throws BadHttpMessageException;

    /** Called after a message completed, before the parser moves on. */
    void messageDone(H head) {
    }

    /** Says whether a new message may start now; a response parser waits for a request. */
    boolean canStartMessage() {
        return true;
    }

    // ======================================================================= helpers for the hooks

    final long offset(int p) {
        return base + p;
    }

    /** Counts {@code n} bytes of a line starting at {@code p} against the line and head limits. */
    final void countLine(int n, int p, String what) throws LineTooLongException {
        lineLen += n;
        headBytes += n;
        if (lineLen > limits.maxLineLength()) {
            throw new LineTooLongException(what, limits.maxLineLength(), offset(p + n - (lineLen - limits.maxLineLength())));
        }
        if (headBytes > limits.maxHeadBytes()) {
            throw new LineTooLongException(section(), limits.maxHeadBytes(), offset(p + n - (headBytes - limits.maxHeadBytes())));
        }
    }

    /** Counts a line terminator byte at {@code p} against the head limit. */
    final void countTerminator(int p) throws LineTooLongException {
        if (++headBytes > limits.maxHeadBytes()) {
            throw new LineTooLongException(section(), limits.maxHeadBytes(), offset(p));
        }
    }

    /**
     * Checks one byte of {@code HTTP/1.x}.
     *
     * @return {@code true} once the whole version is read
     */
    final boolean versionByte(byte b, int p, String what) throws BadStatusLineException {
        int i = versionIndex++;
        boolean ok = switch (i) {
            case 0 -> b == 'H';
            case 1, 2 -> b == 'T';
            case 3 -> b == 'P';
            case 4 -> b == '/';
            case 5 -> b == '1';
            case 6 -> b == '.';
            default -> b == '0' || b == '1';
        };
        if (!ok) {
            throw new BadStatusLineException(what, (i < 5 ? "expected HTTP/1.0 or HTTP/1.1, got " : "unsupported HTTP version, got ")
                    + describe(b) + " at version byte " + i, offset(p));
        }
        versionMinor = b - '0';
        return i == 7;
    }

    final HttpVersion version() {
        return versionMinor == 0 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    /** Ends the start line: the header section follows. */
    final void startLineDone() {
        step = Step.FIELD_START;
        line.clear();
        lineLen = 0;
    }

    // ====================================================================== the machine: dispatch

    /** Says whether the current step reads lines (start line, fields), not body bytes. */
    private boolean lineStep() {
        return step.compareTo(Step.SECTION_END_LF) <= 0;
    }

    /**
     * Runs line steps on a heap copy of the next bytes of a direct buffer: scanning an array is
     * cheaper than a direct buffer's checked gets, and line bytes are copied anyway.
     *
     * @return the index in {@code in} after the bytes consumed
     */
    private int staged(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        int n = Math.min(end - p, staging.capacity());
        in.get(p, staging.array(), 0, n);
        long saved = base;
        base += p;
        int q = 0;
        try {
            while (q < n && running() && lineStep()) {
                q = step(staging, q, n);
            }
        } finally {
            base = saved;
        }
        return p + q;
    }

    private boolean running() {
        return !paused && step != Step.STOPPED && (step != Step.IDLE || canStartMessage());
    }

    /** Runs one step; returns the index after the bytes it consumed. Each call makes progress. */
    private int step(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        return switch (step) {
            case IDLE -> idle(in, p);
            case IDLE_LF -> idleLf(in, p);
            case START_LINE -> startLine(in, p, end);
            case FIELD_START -> fieldStart(in, p);
            case FIELD_NAME -> fieldName(in, p, end);
            case FIELD_OWS -> fieldOws(in, p, end);
            case FIELD_VALUE -> fieldValue(in, p, end);
            case FIELD_LF -> fieldLf(in, p);
            case SECTION_END_LF -> sectionEndLf(in, p);
            case BODY_LENGTH -> bodyLength(in, p, end);
            case BODY_CHUNKED -> bodyChunked(in, p, end);
            case BODY_UNTIL_CLOSE -> bodyUntilClose(in, p, end);
            case STOPPED -> throw new IllegalStateException("stopped");
        };
    }

    // ============================================================== the machine: between messages

    private int idle(ByteBuffer in, int p) throws BadHttpMessageException {
        byte b = in.get(p);
        if (b == CR || b == LF) { // RFC 9112 §2.2: empty lines before a start line are ignored
            if (b == LF && !response) {
                throw new BadStatusLineException("empty line before the request line", LF_ONLY, offset(p));
            }
            countTerminator(p);
            step = b == CR ? Step.IDLE_LF : Step.IDLE;
            return p + 1;
        }
        state = ParserState.HEAD;
        step = Step.START_LINE;
        section = Section.HEADERS;
        line.clear();
        lineLen = 0;
        fieldCount = 0;
        pendingField = false;
        versionIndex = 0;
        fields = Headers.builder();
        framing.reset();
        startLineBegin();
        listener.onMessageBegin();
        return p;
    }

    private int idleLf(ByteBuffer in, int p) throws BadHttpMessageException {
        if (in.get(p) != LF) {
            throw new BadStatusLineException("empty line", "CR not followed by LF", offset(p));
        }
        countTerminator(p);
        step = Step.IDLE;
        return p + 1;
    }

    // ========================================================= the machine: header and trailer fields

    private int fieldStart(ByteBuffer in, int p) throws BadHttpMessageException {
        byte b = in.get(p);
        if (b == SP || b == HTAB) {
            return fold(p);
        }
        if (pendingField) {
            finishField(p);
        }
        if (b == CR) {
            countTerminator(p);
            step = Step.SECTION_END_LF;
            return p + 1;
        }
        if (b == LF) {
            bareLfInField(p, section());
            countTerminator(p);
            return sectionEnd(p + 1);
        }
        if (!ByteClass.is(b, ByteClass.TOKEN)) {
            throw new InvalidHeaderException(fieldWhat(), b == ':' ? "empty field name"
                    : "a field name starts with " + describe(b), offset(p));
        }
        step = Step.FIELD_NAME;
        return p;
    }

    /** A line starting with whitespace: obs-fold (RFC 9112 §5.2). */
    private int fold(int p) throws InvalidHeaderException {
        if (!pendingField) {
            throw new InvalidHeaderException(section(), "whitespace before the first field line", offset(p));
        }
        String name = pendingName();
        if (!response) {
            throw new InvalidHeaderException(fieldWhat(name), "obsolete line folding is not allowed in requests", offset(p));
        }
        if (FramingFields.isFramingField(name)) {
            throw new InvalidHeaderException(fieldWhat(name), "obsolete line folding in a framing field", offset(p));
        }
        pendingField = false;
        if (line.length() > nameLen) { // the line end, the fold and its whitespace become one SP
            line.append(SP);
        }
        step = Step.FIELD_OWS;
        return p;
    }

    private int fieldName(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        int q = ByteClass.scan(in, p, end, ByteClass.TOKEN);
        line.append(in, p, q);
        countLine(q - p, p, fieldWhat());
        if (q == end) {
            return q;
        }
        byte b = in.get(q);
        if (b != ':') {
            throw new InvalidHeaderException(fieldWhat(line.take()), b == SP || b == HTAB
                    ? "whitespace before the colon" : "expected ':' after the name, got " + describe(b), offset(q));
        }
        nameLen = line.length();
        countLine(1, q, fieldWhat());
        step = Step.FIELD_OWS;
        return q + 1;
    }

    private int fieldOws(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        int q = ByteClass.scan(in, p, end, ByteClass.WS);
        countLine(q - p, p, fieldWhat());
        if (q < end) {
            step = Step.FIELD_VALUE;
        }
        return q;
    }

    private int fieldValue(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        int q = ByteClass.scan(in, p, end, ByteClass.FIELD);
        line.append(in, p, q);
        countLine(q - p, p, fieldWhat());
        if (q == end) {
            return q;
        }
        byte b = in.get(q);
        if (b == CR) {
            countTerminator(q);
            step = Step.FIELD_LF;
            return q + 1;
        }
        if (b == LF) {
            bareLfInField(q, fieldWhat(pendingName()));
            countTerminator(q);
            return fieldLineEnd(q + 1);
        }
        throw new InvalidHeaderException(fieldWhat(pendingName()), "the value contains " + describe(b), offset(q));
    }

    private int fieldLf(ByteBuffer in, int p) throws BadHttpMessageException {
        if (in.get(p) != LF) {
            throw new InvalidHeaderException(fieldWhat(pendingName()), "CR not followed by LF", offset(p));
        }
        countTerminator(p);
        return fieldLineEnd(p + 1);
    }

    /** A field line ended: trim the value's trailing whitespace; the field waits for a fold. */
    private int fieldLineEnd(int p) {
        line.trimTrailingWhitespace(nameLen);
        pendingField = true;
        step = Step.FIELD_START;
        return p;
    }

    private void finishField(int p) throws BadHttpMessageException {
        String name = line.token(0, nameLen);
        String value = line.string(nameLen, line.length());
        pendingField = false;
        line.clear();
        lineLen = 0;
        if (++fieldCount > limits.maxFieldCount()) {
            throw new BadHttpMessageException(section(), "more than " + limits.maxFieldCount() + " fields", offset(p));
        }
        if (section == Section.HEADERS) {
            framing.onField(name, value, offset(p));
        }
        fields.add(name, value);
    }

    private int sectionEndLf(ByteBuffer in, int p) throws BadHttpMessageException {
        if (in.get(p) != LF) {
            throw new InvalidHeaderException(section(), "CR not followed by LF", offset(p));
        }
        countTerminator(p);
        return sectionEnd(p + 1);
    }

    private int sectionEnd(int p) throws BadHttpMessageException {
        if (section == Section.TRAILERS) {
            Headers trailers = fields.build();
            if (!trailers.isEmpty()) {
                listener.onTrailers(trailers);
            }
            completeMessage();
            return p;
        }
        head = headComplete(fields.build(), offset(p));
        listener.onHead(head);
        switch (head.framing()) {
            case NONE -> completeMessage();
            case CONTENT_LENGTH -> {
                remaining = head.contentLength();
                if (remaining == 0) {
                    completeMessage();
                } else {
                    state = ParserState.BODY;
                    step = Step.BODY_LENGTH;
                }
            }
            case CHUNKED -> {
                state = ParserState.BODY;
                step = Step.BODY_CHUNKED;
                chunked.start();
            }
            case UNTIL_CLOSE -> {
                state = ParserState.BODY;
                step = Step.BODY_UNTIL_CLOSE;
            }
        }
        return p;
    }

    // ================================================================= the machine: bodies

    private int bodyLength(ByteBuffer in, int p, int end) {
        int n = (int) Math.min(remaining, end - p);
        remaining -= n;
        listener.onBody(in.slice(p, n));
        if (remaining == 0) {
            completeMessage();
        }
        return p + n;
    }

    private int bodyUntilClose(ByteBuffer in, int p, int end) {
        listener.onBody(in.slice(p, end - p));
        return end;
    }

    private int bodyChunked(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        int q = chunked.step(in, p, end, base);
        if (chunked.atTrailers()) {
            section = Section.TRAILERS;
            fields = Headers.builder();
            fieldCount = 0;
            headBytes = 0;
            lineLen = 0;
            line.clear();
            pendingField = false;
            step = Step.FIELD_START;
        }
        return q;
    }

    // ================================================================ the machine: message end

    private void completeMessage() {
        H done = head;
        head = null;
        headBytes = 0;
        listener.onMessageComplete();
        messageDone(done);
        if (done.upgrade()) {
            stop(ParserState.UPGRADED);
        } else if (!done.keepAlive()) {
            stop(ParserState.CLOSED);
        } else {
            state = ParserState.IDLE;
            step = Step.IDLE;
        }
    }

    private void stop(ParserState finalState) {
        state = finalState;
        step = Step.STOPPED;
    }

    private void fail(Throwable e) {
        if (state != ParserState.FAILED) {
            state = ParserState.FAILED;
            step = Step.STOPPED;
            failure = e;
        }
    }

    private void checkNotFailed() {
        if (state == ParserState.FAILED) {
            throw new IllegalStateException("the parser failed earlier and cannot be fed: " + failure, failure);
        }
    }

    /** Refuses a field line ended by LF alone, in requests. */
    private void bareLfInField(int p, String what) throws InvalidHeaderException {
        if (!response) {
            throw new InvalidHeaderException(what, LF_ONLY, offset(p));
        }
    }

    private String pendingName() {
        return line.string(0, nameLen);
    }

    private String section() {
        return state == ParserState.HEAD && step == Step.START_LINE ? (response ? "status line" : "request line")
                : section == Section.HEADERS ? "header section" : "trailer section";
    }

    private String fieldWhat() {
        return section == Section.HEADERS ? "header field" : "trailer field";
    }

    private String fieldWhat(String name) {
        return fieldWhat() + " '" + name + "'";
    }
}
