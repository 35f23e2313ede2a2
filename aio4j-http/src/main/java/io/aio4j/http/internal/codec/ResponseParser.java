package io.aio4j.http.internal.codec;

import static io.aio4j.http.internal.codec.ByteClass.CR;
import static io.aio4j.http.internal.codec.ByteClass.LF;
import static io.aio4j.http.internal.codec.ByteClass.SP;
import static io.aio4j.http.internal.codec.ByteClass.describe;

import io.aio4j.http.BadHttpMessageException;
import io.aio4j.http.BadStatusLineException;
import io.aio4j.http.Headers;
import io.aio4j.http.InvalidHeaderException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * One thread only: parses the responses a client reads (see {@link HttpParser} for the policy,
 * lenient where servers in the wild need it). The status line is
 * {@code HTTP/1.x SP 3DIGIT [SP reason] CRLF}, the code from 100 to 999.
 *
 * <p>A response's framing depends on its request, so the client calls {@link #expectResponse}
 * with each request's method before sending it; responses are matched to requests in order
 * (pipelining). With no request awaiting a response, the parser reads nothing: bytes the server
 * sends unasked stay in the buffer, and the client should close the connection (no desync).
 *
 * <p>Framing: none for a response to {@code HEAD}, a 1xx, 204 or 304, or a 2xx to {@code CONNECT};
 * else chunked if {@code Transfer-Encoding} ends with {@code chunked} (any other final coding is
 * refused), else {@code Content-Length}, else until the connection closes ({@link #feedEof()}).
 * Interim 1xx responses are delivered as messages of their own, then the final response to the
 * same request follows; {@code 101} and a 2xx to {@code CONNECT} stop the parser
 * ({@link ParserState#UPGRADED}).
 */
public final class ResponseParser extends HttpParser<ResponseHead> {
    private static final String WHAT = "status line";

    /** Where in the status line the last byte left us. */
    private enum At { VERSION, SPACE, STATUS, AFTER_STATUS, REASON, EOL_LF }

    /** Methods of the requests awaiting a response, oldest first. */
    private final ArrayDeque<String> requestMethods = new ArrayDeque<>();
    private At at = At.VERSION;
    private int status;
    private int statusDigits;
    private String reason;

    /**
     * Creates a parser with the default limits.
     *
     * @param listener receives the responses
     */
    public ResponseParser(MessageListener<? super ResponseHead> listener) {
        this(listener, ParserLimits.DEFAULT);
    }

    /**
     * Creates a parser.
     *
     * @param listener receives the responses
     * @param limits how large a head may be
     */
    public ResponseParser(MessageListener<? super ResponseHead> listener, ParserLimits limits) {
        super(listener, limits, true);
    }

    /**
     * Says a request was sent and its response is to be read next, after the responses to the
     * requests sent before it.
     *
     * @param requestMethod the request's method, e.g. {@code "HEAD"} (its response has no body)
     */
    public void expectResponse(String requestMethod) {
        requestMethods.addLast(Objects.requireNonNull(requestMethod, "requestMethod"));
    }

    /**
     * Returns how many requests await a response.
     *
     * @return the count, including the one whose response is being read
     */
    public int pendingResponses() {
        return requestMethods.size();
    }

    @Override
    boolean canStartMessage() {
        return !requestMethods.isEmpty();
    }

    @Override
    void startLineBegin() {
        at = At.VERSION;
        status = 0;
        statusDigits = 0;
    }

    @Override
    int startLine(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        byte b = in.get(p);
        switch (at) {
            case VERSION -> {
                countLine(1, p, WHAT);
                if (versionByte(b, p, WHAT)) {
                    at = At.SPACE;
                }
            }
            case SPACE -> {
                if (b != SP) {
                    throw bad("expected a space after the version, got " + describe(b), p);
                }
                countLine(1, p, WHAT);
                at = At.STATUS;
            }
            case STATUS -> {
                if (b < '0' || b > '9') {
                    throw bad("the status code is not 3 digits, got " + describe(b), p);
                }
                countLine(1, p, WHAT);
                status = status * 10 + (b - '0');
                if (++statusDigits == 3) {
                    at = At.AFTER_STATUS;
                }
            }
            case AFTER_STATUS -> {
                if (status < 100) {
                    throw bad("the status code " + status + " is not from 100 to 999", p);
                }
                if (b == SP) {
                    countLine(1, p, WHAT);
                    at = At.REASON;
                } else {
                    return endOfLine(b, p, "the status code is not 3 digits, got ");
                }
            }
            case REASON -> {
                int q = ByteClass.scan(in, p, end, ByteClass.FIELD);
                line.append(in, p, q);
                countLine(q - p, p, WHAT);
                return q == end ? q : endOfLine(in.get(q), q, "the reason phrase contains ");
            }
            case EOL_LF -> {
                if (b != LF) {
                    throw bad("CR not followed by LF", p);
                }
                countTerminator(p);
                finishLine();
            }
        }
        return p + 1;
    }

    private int endOfLine(byte b, int p, String otherwise) throws BadHttpMessageException {
        if (b == CR) {
            at = At.EOL_LF;
        } else if (b == LF) { // policy: LF-only accepted in responses
            finishLine();
        } else {
            throw bad(otherwise + describe(b), p);
        }
        countTerminator(p);
        return p + 1;
    }

    private void finishLine() {
        reason = line.take();
        startLineDone();
    }

    @Override
    ResponseHead headComplete(Headers headers, long offset) throws InvalidHeaderException {
        HttpVersion version = version();
        String method = requestMethods.peekFirst();
        boolean informational = status < 200 && status != 101;
        boolean tunnel = "CONNECT".equals(method) && status >= 200 && status < 300;
        FramingFields f = framing;
        if (f.transferEncoding && f.contentLength >= 0) { // policy §1: a response error, like aiohttp
            throw FramingFields.invalid("Transfer-Encoding", "can't be present with Content-Length", offset);
        }
        BodyFraming body;
        long length = -1;
        if (status < 200 || status == 204 || status == 304 || "HEAD".equals(method) || tunnel) {
            body = BodyFraming.NONE;
        } else if (f.transferEncoding) {
            if (version == HttpVersion.HTTP_1_0) {
                throw FramingFields.invalid("Transfer-Encoding", "not allowed in an HTTP/1.0 message", offset);
            }
            if (!f.chunkedLast || f.chunkedCount != 1) { // policy §1: refused, not read until close
                throw FramingFields.invalid("Transfer-Encoding", "chunked must be the final coding, applied once", offset);
            }
            body = BodyFraming.CHUNKED;
        } else if (f.contentLength >= 0) {
            body = BodyFraming.CONTENT_LENGTH;
            length = f.contentLength;
        } else {
            body = BodyFraming.UNTIL_CLOSE;
        }
        boolean keepAlive = informational || (body != BodyFraming.UNTIL_CLOSE && f.persists(version));
        return new ResponseHead(version, status, reason, headers, body, length, keepAlive, status == 101 || tunnel);
    }

    @Override
    void messageDone(ResponseHead head) {
        if (!head.informational()) {
            requestMethods.pollFirst();
        }
    }

    private BadStatusLineException bad(String why, int p) {
        return new BadStatusLineException(WHAT, why, offset(p));
    }
}
