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

/**
 * One thread only: parses the requests a server reads, strictly (see {@link HttpParser} for the
 * policy). The request line is {@code method SP request-target SP HTTP/1.x CRLF}, single spaces,
 * the target visible ASCII only (RFC 9112 §3; a raw space, control or non-ASCII byte is refused).
 *
 * <p>Framing: {@code Transfer-Encoding} whose final coding is {@code chunked} means a chunked body,
 * else a {@code Content-Length} body, else no body. A {@code CONNECT} request has no body and
 * stops the parser after its head; a request with {@code Connection: upgrade} and an
 * {@code Upgrade} field stops it after its body. Either way the parser is then
 * {@link ParserState#UPGRADED} and the bytes after the message stay in the buffer: a server that
 * declines the upgrade answers and closes.
 */
public final class RequestParser extends HttpParser<RequestHead> {
    private static final String WHAT = "request line";

    /** Where in the request line the last byte left us. */
    private enum At { METHOD, TARGET, VERSION, EOL, EOL_LF }

    private At at = At.METHOD;
    private String method;
    private String target;

    /**
     * Creates a parser with the default limits.
     *
     * @param listener receives the requests
     */
    public RequestParser(MessageListener<? super RequestHead> listener) {
        this(listener, ParserLimits.DEFAULT);
    }

    /**
     * Creates a parser.
     *
     * @param listener receives the requests
     * @param limits how large a head may be
     */
    public RequestParser(MessageListener<? super RequestHead> listener, ParserLimits limits) {
        super(listener, limits, false);
    }

    @Override
    void startLineBegin() {
        at = At.METHOD;
        method = null;
        target = null;
    }

    @Override
    int startLine(ByteBuffer in, int p, int end) throws BadHttpMessageException {
        switch (at) {
            case METHOD -> {
                int q = ByteClass.scan(in, p, end, ByteClass.TOKEN);
                line.append(in, p, q);
                countLine(q - p, p, WHAT);
                if (q == end) {
                    return q;
                }
                byte b = in.get(q);
                if (b != SP || line.length() == 0) {
                    throw bad(line.length() == 0 ? "expected a method, got " + describe(b)
                            : "expected a space after the method, got " + describe(b), q);
                }
                method = line.takeToken();
                countLine(1, q, WHAT);
                at = At.TARGET;
                return q + 1;
            }
            case TARGET -> {
                int q = ByteClass.scan(in, p, end, ByteClass.TARGET);
                line.append(in, p, q);
                countLine(q - p, p, WHAT);
                if (q == end) {
                    return q;
                }
                byte b = in.get(q);
                if (b == SP && line.length() > 0) {
                    target = line.take();
                    countLine(1, q, WHAT);
                    at = At.VERSION;
                    return q + 1;
                }
                throw bad(b == CR || b == LF ? "no HTTP version (HTTP/0.9 requests are not supported)"
                        : line.length() == 0 ? "expected a request target, got " + describe(b)
                        : "the request target contains " + describe(b), q);
            }
            case VERSION -> {
                countLine(1, p, WHAT);
                if (versionByte(in.get(p), p, WHAT)) {
                    at = At.EOL;
                }
                return p + 1;
            }
            case EOL -> {
                byte b = in.get(p);
                if (b == LF) {
                    throw bad(HttpParser.LF_ONLY, p);
                }
                if (b != CR) {
                    throw bad("expected CRLF after the version, got " + describe(b), p);
                }
                countTerminator(p);
                at = At.EOL_LF;
                return p + 1;
            }
            case EOL_LF -> {
                if (in.get(p) != LF) {
                    throw bad("CR not followed by LF", p);
                }
                countTerminator(p);
                startLineDone();
                return p + 1;
            }
        }
        throw new AssertionError(at);
    }

    @Override
    RequestHead headComplete(Headers headers, long offset) throws InvalidHeaderException {
        HttpVersion version = version();
        FramingFields f = framing;
        BodyFraming body = BodyFraming.NONE;
        long length = -1;
        if (f.transferEncoding) {
            if (f.contentLength >= 0) {
                throw FramingFields.invalid("Transfer-Encoding", "can't be present with Content-Length", offset);
            }
            if (version == HttpVersion.HTTP_1_0) {
                throw FramingFields.invalid("Transfer-Encoding", "not allowed in an HTTP/1.0 message", offset);
            }
            if (!f.chunkedLast || f.chunkedCount != 1) {
                throw FramingFields.invalid("Transfer-Encoding", "chunked must be the final coding, applied once", offset);
            }
            body = BodyFraming.CHUNKED;
        } else if (f.contentLength >= 0) {
            body = BodyFraming.CONTENT_LENGTH;
            length = f.contentLength;
        }
        boolean connect = method.equals("CONNECT");
        if (connect) { // RFC 9110 §9.3.6: no content; what follows the head is the tunnel's
            body = BodyFraming.NONE;
            length = -1;
        }
        boolean upgrade = connect || (f.connectionUpgrade && f.upgrade);
        return new RequestHead(method, target, version, headers, body, length, f.persists(version), upgrade);
    }

    private BadStatusLineException bad(String why, int p) {
        return new BadStatusLineException(WHAT, why, offset(p));
    }
}
