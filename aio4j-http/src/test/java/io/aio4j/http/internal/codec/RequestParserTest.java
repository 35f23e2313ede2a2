package io.aio4j.http.internal.codec;

import static io.aio4j.http.internal.codec.Feeding.requestsEveryWay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.http.BadHttpMessageException;
import io.aio4j.http.BadStatusLineException;
import io.aio4j.http.ContentLengthException;
import io.aio4j.http.Headers;
import io.aio4j.http.InvalidHeaderException;
import io.aio4j.http.TransferEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request parser: request lines, framing by policy §1 (request column), pipelining, upgrades,
 * pausing and the end of the stream. Every input is fed every way (whole, byte by byte, random
 * splits) and must give the same events each time.
 */
class RequestParserTest {

    private static BadHttpMessageException rejected(String input) {
        Feeding.Result r = requestsEveryWay(input);
        assertThat(r.error()).as("events before the error: %s", r.events()).isNotNull();
        assertThat(r.state()).isEqualTo(ParserState.FAILED);
        assertThat(r.error()).hasMessageStartingWith("Peer sent a malformed HTTP message: ");
        return r.error();
    }

    private static Recorder.Message only(Feeding.Result r) {
        assertThat(r.error()).isNull();
        assertThat(r.messages()).hasSize(1);
        return r.messages().getFirst();
    }

    // ---- Request line.

    @Test
    void aSimpleRequestIsParsedIntoAHead() {
        Recorder.Message m = only(requestsEveryWay("GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"));
        RequestHead head = m.request();
        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.target()).isEqualTo("/a?b=c");
        assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(head.headers()).isEqualTo(Headers.of("Host", "example.com", "Accept", "*/*"));
        assertThat(head.framing()).isEqualTo(BodyFraming.NONE);
        assertThat(head.keepAlive()).isTrue();
        assertThat(head.upgrade()).isFalse();
        assertThat(m.complete).isTrue();
    }

    @Test
    void eventsComeInStreamOrder() {
        Feeding.Result r = requestsEveryWay("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n2\r\nde\r\n0\r\nX-Sum: 5\r\n\r\n");
        assertThat(r.events()).hasSize(9);
        assertThat(r.events().get(0)).isEqualTo("begin");
        assertThat(r.events().get(1)).startsWith("head RequestHead[method=POST");
        assertThat(r.events().subList(2, 9)).containsExactly("chunk 3", "body abc", "chunk 2", "body de", "chunk 0",
                "trailers <Headers(X-Sum: 5)>", "complete");
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
    }

    @Test
    void theEventsEndWithCompleteAfterTheTrailers() {
        Feeding.Result r = requestsEveryWay("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nA: 1\r\n\r\n");
        assertThat(r.events().getLast()).isEqualTo("complete");
        assertThat(only(r).trailers).isEqualTo(Headers.of("A", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /\r\n\r\n", // HTTP/0.9
        "GET / HTTP/1.2\r\n\r\n",
        "GET / HTTP/2.0\r\n\r\n",
        "GET / http/1.1\r\n\r\n",
        "GET  / HTTP/1.1\r\n\r\n",
        "GET /  HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1 \r\n\r\n",
        " GET / HTTP/1.1\r\n\r\n",
        "GE(T / HTTP/1.1\r\n\r\n",
        "GET /a\u0001b HTTP/1.1\r\n\r\n",
        "GET /caf\u00e9 HTTP/1.1\r\n\r\n",
        "GET /a\tb HTTP/1.1\r\n\r\n",
        "GET / HTTP/01.1\r\n\r\n",
        "GET / HTTP/1.1\rHost: a\r\n\r\n",
    })
    void aMalformedRequestLineIsABadStatusLine(String input) {
        assertThat(rejected(input)).isInstanceOf(BadStatusLineException.class);
    }

    @Test
    void anErrorSaysWhatWhyAndWhere() {
        BadHttpMessageException e = rejected("GET / HTTP/1.1\r\nFoo: 1\rBar: 2\r\n\r\n");
        assertThat(e).isInstanceOf(InvalidHeaderException.class);
        assertThat(e.what()).isEqualTo("header field 'Foo'");
        assertThat(e.why()).isEqualTo("CR not followed by LF");
        assertThat(e.offset()).isEqualTo(23); // the byte after the CR, as llhttp reports it
    }

    @Test
    void emptyLinesBeforeARequestAreIgnored() {
        Feeding.Result r = requestsEveryWay("\r\n\r\nGET / HTTP/1.1\r\n\r\n\r\n");
        assertThat(only(r).request().target()).isEqualTo("/");
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
    }

    // ---- Policy §1, request column: line ends.

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1\nHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n\n",
        "\nGET / HTTP/1.1\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\nA\r\n0\r\n\r\n",
    })
    void aLineEndedByLfAloneIsRejectedInRequests(String input) {
        assertThat(rejected(input).why()).contains("LF without CR");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n",
        "GET / HTTP/1.1\r\nHo\rst: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n\rX",
        "\rGET / HTTP/1.1\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\rA\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nA\rX0\r\n\r\n",
    })
    void aBareCrIsRejectedEvenBeforeTheLineEnds(String input) {
        rejected(input);
    }

    @Test
    void obsFoldIsRejectedInRequests() {
        BadHttpMessageException e = rejected("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n");
        assertThat(e).isInstanceOf(InvalidHeaderException.class);
        assertThat(e.why()).contains("folding");
    }

    @Test
    void whitespaceBeforeTheFirstFieldIsRejected() {
        assertThat(rejected("GET / HTTP/1.1\r\n Host: a\r\n\r\n")).isInstanceOf(InvalidHeaderException.class);
    }

    // ---- Policy §1: Content-Length and Transfer-Encoding.

    @ParameterizedTest
    @ValueSource(strings = {
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: identity\r\n\r\n",
    })
    void contentLengthWithTransferEncodingIsRejected(String input) {
        BadHttpMessageException e = rejected(input);
        assertThat(e).isInstanceOf(InvalidHeaderException.class);
        assertThat(e.why()).isEqualTo("can't be present with Content-Length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+1", "1,2", "5, 5", "0x10", "1e3", "", "1 2", "99999999999999999999", "٣"})
    void contentLengthMustBeDigitsOnly(String value) {
        BadHttpMessageException e = rejected("POST / HTTP/1.1\r\nContent-Length: " + value + "\r\n\r\n");
        assertThat(e).isInstanceOf(InvalidHeaderException.class);
        assertThat(e.what()).isEqualTo("header field 'Content-Length'");
    }

    @Test
    void twoContentLengthsWithTheSameValueAreOneAndDifferentOnesAreRejected() {
        Recorder.Message m = only(requestsEveryWay("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 003\r\n\r\nabc"));
        assertThat(m.bodyText()).isEqualTo("abc");
        assertThat(rejected("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd").why())
                .isEqualTo("two different values, 3 and 4");
    }

    @Test
    void theLargestContentLengthIsAcceptedAndItsBodyIsIncomplete() {
        Feeding.Result r = requestsEveryWay("POST / HTTP/1.1\r\nContent-Length: 9223372036854775807\r\n\r\nab");
        assertThat(r.outcome()).isEqualTo("incomplete");
        assertThat(r.messages().getFirst().request().contentLength()).isEqualTo(Long.MAX_VALUE);
        assertThat(r.messages().getFirst().bodyText()).isEqualTo("ab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "chunked, gzip", "chunked, chunked", "chunked;q=1", "", "chunked, g zip", "identity"})
    void chunkedMustBeTheFinalCodingAppliedOnce(String codings) {
        BadHttpMessageException e = rejected("POST / HTTP/1.1\r\nTransfer-Encoding: " + codings + "\r\n\r\n");
        assertThat(e).isInstanceOf(InvalidHeaderException.class);
        assertThat(e.what()).isEqualTo("header field 'Transfer-Encoding'");
    }

    @Test
    void codingsBeforeChunkedAndAcrossFieldsAreAccepted() {
        Recorder.Message m = only(requestsEveryWay("POST / HTTP/1.1\r\nTransfer-Encoding: gzip,\r\n"
                + "Transfer-Encoding: , Chunked\r\n\r\n0\r\n\r\n"));
        assertThat(m.request().framing()).isEqualTo(BodyFraming.CHUNKED);
    }

    @Test
    void transferEncodingInHttp10IsRejected() {
        assertThat(rejected("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").why())
                .contains("HTTP/1.0");
    }

    @Test
    void obsFoldIntoAFramingFieldIsRejectedToo() {
        assertThat(rejected("POST / HTTP/1.1\r\nContent-Length: 1\r\n 0\r\n\r\n")).isInstanceOf(InvalidHeaderException.class);
    }

    // ---- Policy §1: chunks.

    @ParameterizedTest
    @ValueSource(strings = {"5 ", "5\t", "5 ;a=b"})
    void whitespaceAfterAChunkSizeIsRejectedInRequests(String sizeLine) {
        BadHttpMessageException e = rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + sizeLine
                + "\r\nhello\r\n0\r\n\r\n");
        assertThat(e).isInstanceOf(TransferEncodingException.class);
        assertThat(e.what()).isEqualTo("chunk size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FFFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "8000000000000000", "0x5", "", "-1", "ILLEGAL", "0_2e"})
    void aBadOrOverflowingChunkSizeIsRejected(String size) {
        assertThat(rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n"))
                .isInstanceOf(TransferEncodingException.class);
    }

    @Test
    void theLargestChunkSizeIsAcceptedWithLeadingZeros() {
        Feeding.Result r = requestsEveryWay("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "00007FFFFFFFFFFFFFFF\r\nab");
        assertThat(r.outcome()).isEqualTo("incomplete");
        assertThat(r.messages().getFirst().chunkSizes).containsExactly(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {";a", ";a=b", ";a=b;c", "; a = b ; c", ";a=\"q \\\" \\\\ d\"", ";a=\"\"", ";ab-c=d.e"})
    void validChunkExtensionsAreIgnored(String extensions) {
        Recorder.Message m = only(requestsEveryWay("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5" + extensions
                + "\r\nhello\r\n0" + extensions + "\r\n\r\n"));
        assertThat(m.bodyText()).isEqualTo("hello");
        assertThat(m.chunkSizes).containsExactly(5L, 0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {";", ";=b", ";a=", ";a=\"open", ";a b", ";a=b c", ";a=\"x\"y", ";a=\u0001", ";a\u0000", ";a=\"\r\""})
    void invalidChunkExtensionsAreRejected(String extensions) {
        BadHttpMessageException e = rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5" + extensions
                + "\r\nhello\r\n0\r\n\r\n");
        assertThat(e).isInstanceOf(TransferEncodingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"helloX\r\n0\r\n\r\n", "hello\n0\r\n\r\n", "hello0\r\n\r\n"})
    void chunkDataMustBeFollowedByCrLf(String rest) {
        assertThat(rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n" + rest))
                .isInstanceOf(TransferEncodingException.class);
    }

    // ---- Fields.

    @ParameterizedTest
    @ValueSource(strings = {"Host : a", "Ho st: a", ": a", "Host", "H\u0000st: a", "Host: a\u0000b", "Host: a\u007fb",
        "Host: a\u0001b", "Host: a\u001fb", "(Host): a"})
    void malformedFieldsAreRejected(String field) {
        assertThat(rejected("GET / HTTP/1.1\r\n" + field + "\r\n\r\n")).isInstanceOf(InvalidHeaderException.class);
    }

    @Test
    void valuesLoseSurroundingWhitespaceKeepInnerWhitespaceAndDecodeAsLatin1() {
        Recorder.Message m = only(requestsEveryWay("GET / HTTP/1.1\r\nA: \t x \t y \t\r\nB:\r\nC:    \r\nD: caf\u00e9\r\n\r\n"));
        assertThat(m.request().headers()).isEqualTo(Headers.of("A", "x \t y", "B", "", "C", "", "D", "caf\u00e9"));
    }

    // ---- Limits.

    @Test
    void theRequestLineMayBe8190BytesButNotOneMore() {
        String target = "/" + "a".repeat(8190 - "GET  HTTP/1.1".length() - 1);
        assertThat(only(requestsEveryWay("GET " + target + " HTTP/1.1\r\n\r\n")).request().target()).isEqualTo(target);
        BadHttpMessageException e = rejected("GET " + target + "a HTTP/1.1\r\n\r\n");
        assertThat(e).isInstanceOf(io.aio4j.http.LineTooLongException.class);
        assertThat(e.what()).isEqualTo("request line");
        assertThat(e.offset()).isEqualTo(8190);
        assertThat(((io.aio4j.http.LineTooLongException) e).limit()).isEqualTo(8190);
    }

    @Test
    void aFieldOverTheLineLimitIsRejectedBeforeItEnds() {
        Feeding.Result r = Feeding.requests("GET / HTTP/1.1\r\nX: " + "a".repeat(9000));
        assertThat(r.error()).isInstanceOf(io.aio4j.http.LineTooLongException.class);
        assertThat(r.error().what()).isEqualTo("header field");
    }

    @Test
    void aHundredFieldsAreAcceptedButNotOneMore() {
        String hundred = "X: 1\r\n".repeat(100);
        assertThat(only(requestsEveryWay("GET / HTTP/1.1\r\n" + hundred + "\r\n")).request().headers().size()).isEqualTo(100);
        assertThat(rejected("GET / HTTP/1.1\r\n" + hundred + "Y: 2\r\n\r\n").why()).isEqualTo("more than 100 fields");
    }

    @Test
    void aHeadOverTheHeadLimitIsRejected() {
        ParserLimits limits = new ParserLimits(8190, 100, 1000);
        Feeding.Result r = requestsEveryWay("GET / HTTP/1.1\r\n" + ("X: " + "a".repeat(95) + "\r\n").repeat(10) + "\r\n",
                limits, false);
        assertThat(r.error()).isInstanceOf(io.aio4j.http.LineTooLongException.class);
        assertThat(r.error().what()).isEqualTo("header section");
        assertThat(r.error().offset()).isEqualTo(1000);
    }

    @Test
    void chunkExtensionsCannotGrowWithoutBound() {
        Feeding.Result r = Feeding.requests("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;a=" + "b".repeat(9000));
        assertThat(r.error()).isInstanceOf(io.aio4j.http.LineTooLongException.class);
        assertThat(r.error().what()).isEqualTo("chunk size line");
    }

    @Test
    void trailersHaveTheSameFieldLimit() {
        String fields = "X: 1\r\n".repeat(101);
        assertThat(rejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + fields + "\r\n").what())
                .isEqualTo("trailer section");
    }

    // ---- Pipelining, persistence, upgrades.

    @Test
    void pipelinedRequestsAreAllParsedInOrder() {
        Feeding.Result r = requestsEveryWay("GET /1 HTTP/1.1\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /3 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
                + "GET /4 HTTP/1.1\r\n\r\n");
        assertThat(r.messages()).extracting(m -> m.request().target()).containsExactly("/1", "/2", "/3", "/4");
        assertThat(r.messages()).extracting(Recorder.Message::bodyText).containsExactly("", "abc", "de", "");
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
    }

    @Test
    void afterConnectionCloseTheNextRequestIsLeftUnread() {
        Feeding.Result r = requestsEveryWay("GET /1 HTTP/1.1\r\nConnection: close\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n");
        assertThat(only(r).request().keepAlive()).isFalse();
        assertThat(r.state()).isEqualTo(ParserState.CLOSED);
        assertThat(r.leftoverText()).isEqualTo("GET /smuggled HTTP/1.1\r\n\r\n");
    }

    @Test
    void http10ClosesUnlessKeepAlive() {
        assertThat(requestsEveryWay("GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\n\r\n").state()).isEqualTo(ParserState.CLOSED);
        Feeding.Result r = requestsEveryWay("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET / HTTP/1.0\r\n\r\n");
        assertThat(r.messages()).hasSize(2);
        assertThat(r.state()).isEqualTo(ParserState.CLOSED);
    }

    @Test
    void connectStopsAfterTheHeadAndLeavesTheTunnelBytes() {
        Feeding.Result r = requestsEveryWay("CONNECT example.com:443 HTTP/1.1\r\nContent-Length: 3\r\n\r\n\u0016\u0003\u0001");
        assertThat(only(r).request().upgrade()).isTrue();
        assertThat(r.messages().getFirst().request().framing()).isEqualTo(BodyFraming.NONE);
        assertThat(r.state()).isEqualTo(ParserState.UPGRADED);
        assertThat(r.leftoverText()).isEqualTo("\u0016\u0003\u0001");
    }

    @Test
    void anUpgradeRequestStopsAfterItsBody() {
        Feeding.Result r = requestsEveryWay("POST /ws HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
                + "Content-Length: 2\r\n\r\nhi\u0081\u0000");
        assertThat(only(r).bodyText()).isEqualTo("hi");
        assertThat(r.state()).isEqualTo(ParserState.UPGRADED);
        assertThat(r.leftoverText()).isEqualTo("\u0081\u0000");
    }

    @Test
    void anUpgradeFieldWithoutConnectionUpgradeIsNoUpgrade() {
        Feeding.Result r = requestsEveryWay("GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        assertThat(r.messages()).hasSize(2);
        assertThat(r.messages().getFirst().request().upgrade()).isFalse();
    }

    // ---- Zero copy, pausing, the end of the stream, failure.

    @Test
    void bodySlicesAreViewsOfTheInputNotCopies() throws Exception {
        byte[] input = "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.ISO_8859_1);
        List<ByteBuffer> slices = new ArrayList<>();
        RequestParser parser = new RequestParser(new MessageListener<>() {
            @Override
            public void onHead(RequestHead head) {
            }

            @Override
            public void onBody(ByteBuffer data) {
                slices.add(data);
            }

            @Override
            public void onMessageComplete() {
            }
        });
        parser.feed(ByteBuffer.wrap(input));
        assertThat(slices).hasSize(1);
        assertThat(slices.getFirst().array()).isSameAs(input);
        assertThat(slices.getFirst().arrayOffset() + slices.getFirst().position()).isEqualTo(input.length - 5);
    }

    @Test
    void aListenerCanPauseBetweenPipelinedRequests() throws Exception {
        Recorder recorder = new Recorder();
        RequestParser parser = new RequestParser(recorder);
        recorder.onEvent = () -> {
            if (recorder.events.getLast().equals("complete")) {
                parser.pause();
            }
        };
        ByteBuffer in = ByteBuffer.wrap(Feeding.bytes("GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n"));
        parser.feed(in);
        assertThat(recorder.messages).hasSize(1);
        assertThat(in.position()).isEqualTo(19);
        parser.resume();
        parser.feed(in);
        assertThat(recorder.messages).hasSize(2);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void theEndOfTheStreamBetweenRequestsIsClean() {
        Feeding.Result r = requestsEveryWay("GET / HTTP/1.1\r\n\r\n", ParserLimits.DEFAULT, true);
        assertThat(r.error()).isNull();
        assertThat(r.state()).isEqualTo(ParserState.CLOSED);
    }

    @Test
    void theEndOfTheStreamInsideAMessageIsAnError() {
        assertThat(requestsEveryWay("GET / HTTP/1.1\r\nHost", ParserLimits.DEFAULT, true).error())
                .isExactlyInstanceOf(BadHttpMessageException.class).hasMessageContaining("ended inside the head");
        Feeding.Result cl = requestsEveryWay("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabc", ParserLimits.DEFAULT, true);
        assertThat(cl.error()).isInstanceOf(ContentLengthException.class).hasMessageContaining("2 bytes short");
        assertThat(cl.messages().getFirst().bodyText()).isEqualTo("abc");
        assertThat(requestsEveryWay("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n",
                ParserLimits.DEFAULT, true).error()).isInstanceOf(TransferEncodingException.class);
    }

    @Test
    void aFailedParserRefusesMoreInput() {
        RequestParser parser = new RequestParser(new Recorder());
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(Feeding.bytes("BAD\r\n")))).isInstanceOf(BadStatusLineException.class);
        assertThat(parser.state()).isEqualTo(ParserState.FAILED);
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(Feeding.bytes("GET / HTTP/1.1\r\n\r\n"))))
                .isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(BadStatusLineException.class);
    }

    @Test
    void aListenerThatThrowsFailsTheParser() {
        RequestParser parser = new RequestParser(new Recorder() {
            @Override
            public void onHead(MessageHead head) {
                throw new IllegalArgumentException("boom");
            }
        });
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(Feeding.bytes("GET / HTTP/1.1\r\n\r\n")))).hasMessage("boom");
        assertThat(parser.state()).isEqualTo(ParserState.FAILED);
    }
}
