package io.aio4j.http.internal.codec;

import static io.aio4j.http.internal.codec.Feeding.responsesEveryWay;
import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.http.BadHttpMessageException;
import io.aio4j.http.BadStatusLineException;
import io.aio4j.http.ContentLengthException;
import io.aio4j.http.Headers;
import io.aio4j.http.InvalidHeaderException;
import io.aio4j.http.LineTooLongException;
import io.aio4j.http.TransferEncodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response parser: status lines, framing by policy §1 (response column), responses without a
 * body (HEAD, 1xx, 204, 304), upgrades and tunnels, bodies read until close, and the faults of the
 * reliability catalogue it can see on its own (F16-F26). Every input is fed every way.
 */
class ResponseParserTest {

    private static Feeding.Result toGet(String input) {
        return responsesEveryWay(input, false, "GET");
    }

    private static BadHttpMessageException rejected(String input) {
        Feeding.Result r = toGet(input);
        assertThat(r.error()).as("events before the error: %s", r.events()).isNotNull();
        assertThat(r.state()).isEqualTo(ParserState.FAILED);
        return r.error();
    }

    private static Recorder.Message only(Feeding.Result r) {
        assertThat(r.error()).isNull();
        assertThat(r.messages()).hasSize(1);
        return r.messages().getFirst();
    }

    // ---- Status line (F17, F25).

    @Test
    void aSimpleResponseIsParsedIntoAHeadAndBody() {
        Recorder.Message m = only(toGet("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello"));
        ResponseHead head = m.response();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.reason()).isEqualTo("OK");
        assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(head.framing()).isEqualTo(BodyFraming.CONTENT_LENGTH);
        assertThat(head.contentLength()).isEqualTo(5);
        assertThat(head.headers().get("content-type")).isEqualTo("text/plain");
        assertThat(m.bodyText()).isEqualTo("hello");
        assertThat(m.complete).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 100 Continue", "HTTP/1.1 999 Whatever", "HTTP/1.0 404 Not Found", "HTTP/1.1 200",
        "HTTP/1.1 200 ", "HTTP/1.1 200 \t odd\u00ff reason "})
    void statusCodesFrom100To999AreAccepted(String statusLine) {
        Feeding.Result r = toGet(statusLine + "\r\nContent-Length: 0\r\n\r\n");
        assertThat(r.error()).isNull();
        assertThat(r.messages().getFirst().response().reason()).isEqualTo(
                statusLine.length() > 13 ? statusLine.substring(13) : "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 -1 X", "HTTP/1.1 2 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 099 X",
        "HTTP/1.1 000", "HTTP/1.1 20x OK", "HTTP/1.1  200 OK", "HTTP/1.1 200 O\u0001K", "HTTP/1.2 200 OK",
        "HTTP/2 200", "HTTP/01.1 200 OK", "HTTPER/1.1 200 OK", "http/1.1 200 OK", "ICY 200 OK", "HTTP/1.1\t200 OK"})
    void aMalformedStatusLineIsABadStatusLine(String statusLine) {
        assertThat(rejected(statusLine + "\r\n\r\n")).isInstanceOf(BadStatusLineException.class);
    }

    @Test
    void aHundredDigitStatusOrVersionIsRefused() {
        assertThat(rejected("HTTP/1.1 " + "2".repeat(100) + " OK\r\n\r\n")).isInstanceOf(BadStatusLineException.class);
        assertThat(rejected("HTTP/1." + "1".repeat(100) + " 200 OK\r\n\r\n")).isInstanceOf(BadStatusLineException.class);
    }

    @Test
    void anHttp09ResponseIsAnErrorAtItsFirstByte() {
        BadHttpMessageException e = rejected("<html>hello</html>");
        assertThat(e).isInstanceOf(BadStatusLineException.class);
        assertThat(e.offset()).isZero();
    }

    @Test
    void emptyLinesBeforeAResponseAreIgnored() {
        assertThat(only(toGet("\r\n\nHTTP/1.1 204 No Content\r\n\r\n")).response().status()).isEqualTo(204);
    }

    // ---- Policy §1, response column: line ends and folding.

    @Test
    void linesEndedByLfAloneAreAcceptedInResponses() {
        Recorder.Message m = only(toGet("HTTP/1.1 200 OK\nA: 1\nTransfer-Encoding: chunked\n\n3\nabc\n0\nT: 2\n\n"));
        assertThat(m.response().headers()).isEqualTo(Headers.of("A", "1", "Transfer-Encoding", "chunked"));
        assertThat(m.bodyText()).isEqualTo("abc");
        assertThat(m.trailers).isEqualTo(Headers.of("T", "2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\rA: 1\r\n\r\n", "HTTP/1.1 200 OK\r\nA: 1\rB: 2\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA\r: 1\r\n\r\n", "HTTP/1.1 200 OK\r\n\rX", "\rHTTP/1.1 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\rabc\r\n0\r\n\r\n"})
    void aBareCrIsRejectedInResponsesToo(String input) {
        rejected(input);
    }

    @Test
    void obsFoldIsUnfoldedToOneSpace() {
        Recorder.Message m = only(toGet("HTTP/1.1 200 OK\r\nX-A: one \r\n \t two\r\n\tthree\r\n \r\nX-B:\r\n b\r\n"
                + "Content-Length: 0\r\n\r\n"));
        assertThat(m.response().headers()).isEqualTo(Headers.of("X-A", "one two three", "X-B", "b", "Content-Length", "0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 1\r\n 0", "Transfer-Encoding: gzip,\r\n chunked", "content-length:\r\n 2"})
    void obsFoldIsNeverJoinedIntoContentLengthOrTransferEncoding(String fields) {
        BadHttpMessageException e = rejected("HTTP/1.1 200 OK\r\n" + fields + "\r\n\r\n");
        assertThat(e).isInstanceOf(InvalidHeaderException.class);
        assertThat(e.why()).contains("folding");
    }

    // ---- Policy §1: framing (F19-F21).

    @Test
    void contentLengthWithChunkedIsAResponseError() {
        BadHttpMessageException e = rejected("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n");
        assertThat(e).isInstanceOf(InvalidHeaderException.class);
        assertThat(e.why()).isEqualTo("can't be present with Content-Length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "chunked, gzip", "chunked, chunked", "x", "chunked, x", "deflate, chunked;a=b"})
    void chunkedNotFinalIsAnErrorNotAReadUntilClose(String codings) {
        assertThat(rejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: " + codings + "\r\n\r\nbody"))
                .isInstanceOf(InvalidHeaderException.class);
    }

    @Test
    void transferEncodingInAnHttp10ResponseIsAnError() {
        assertThat(rejected("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").why()).contains("HTTP/1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "9a", "1,2", "1 2", "0x1"})
    void aBadContentLengthIsAResponseError(String value) {
        assertThat(rejected("HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\n")).isInstanceOf(InvalidHeaderException.class);
    }

    @Test
    void twoDifferentContentLengthsAreAResponseError() {
        assertThat(rejected("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"))
                .isInstanceOf(InvalidHeaderException.class);
    }

    @Test
    void aHugeContentLengthWithAShortBodyIsAPayloadErrorAtTheEnd() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nshort", true, "GET");
        assertThat(r.error()).isInstanceOf(ContentLengthException.class);
        assertThat(r.messages().getFirst().bodyText()).isEqualTo("short");
    }

    @Test
    void whitespaceAfterAChunkSizeIsAcceptedInResponses() {
        Recorder.Message m = only(toGet("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5 \t \r\nhello\r\n1 ;a=b\r\n!\r\n0 \r\n\r\n"));
        assertThat(m.bodyText()).isEqualTo("hello!");
        assertThat(m.chunkSizes).containsExactly(5L, 1L, 0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ILLEGAL", "FFFFFFFFFFFFFFFFF", "0x", "0_2e", "5 5"})
    void aBadChunkSizeIsAPayloadError(String size) {
        assertThat(rejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n"))
                .isInstanceOf(TransferEncodingException.class);
    }

    @Test
    void aChunkedBodyCutShortIsAPayloadErrorAfterItsBytes() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", true, "GET");
        assertThat(r.error()).isInstanceOf(TransferEncodingException.class).hasMessageContaining("before the last chunk");
        assertThat(r.messages().getFirst().bodyText()).isEqualTo("hello");
    }

    // ---- Responses without a body (F23, F24).

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5", "Transfer-Encoding: chunked", "Content-Length: 5\r\nContent-Encoding: gzip"})
    void aResponseToHeadHasNoBodyAndTheNextResponseParses(String framing) {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 200 OK\r\n" + framing + "\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                false, "HEAD", "GET");
        assertThat(r.messages()).hasSize(2);
        assertThat(r.messages().get(0).response().framing()).isEqualTo(BodyFraming.NONE);
        assertThat(r.messages().get(0).bodyText()).isEmpty();
        assertThat(r.messages().get(1).bodyText()).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void a204Or304HasNoBodyWhateverItsHeadersSay(int status) {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 " + status + " X\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false, "GET", "GET");
        assertThat(r.messages()).extracting(m -> m.response().status()).containsExactly(status, 200);
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
    }

    @Test
    void interimResponsesComeBeforeTheFinalOneToTheSameRequest() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false, "POST");
        assertThat(r.messages()).extracting(m -> m.response().informational()).containsExactly(true, true, false);
        assertThat(r.messages().get(1).response().headers().get("link")).isEqualTo("</a.css>");
        assertThat(r.messages().get(2).bodyText()).isEqualTo("ok");
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
    }

    @Test
    void a100ContinueThenTheEndOfTheStreamIsClean() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 100 Continue\r\n\r\n", true, "POST");
        assertThat(r.error()).isNull();
        assertThat(r.state()).isEqualTo(ParserState.CLOSED);
        assertThat(r.recorder().complete()).extracting(m -> m.response().informational()).containsExactly(true);
    }

    @Test
    void switchingProtocolsStopsTheParserAndLeavesTheRest() {
        Feeding.Result r = toGet("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\u0081\u0002hi");
        assertThat(only(r).response().upgrade()).isTrue();
        assertThat(r.state()).isEqualTo(ParserState.UPGRADED);
        assertThat(r.leftoverText()).isEqualTo("\u0081\u0002hi");
    }

    @Test
    void a2xxToConnectOpensATunnel() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 200 Connection established\r\nContent-Length: 10\r\n\r\n\u0016\u0003", false,
                "CONNECT");
        assertThat(only(r).response().framing()).isEqualTo(BodyFraming.NONE);
        assertThat(r.state()).isEqualTo(ParserState.UPGRADED);
        assertThat(r.leftoverText()).isEqualTo("\u0016\u0003");
    }

    @Test
    void a200WithAnUpgradeFieldIsNoUpgrade() {
        Feeding.Result r = toGet("HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: h2c\r\nContent-Length: 0\r\n\r\n");
        assertThat(only(r).response().upgrade()).isFalse();
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
    }

    // ---- Bodies read until close; persistence; unasked bytes (F9, F10, F25, F26).

    @Test
    void aBodyWithoutLengthIsReadUntilTheStreamEnds() {
        Feeding.Result open = toGet("HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");
        assertThat(open.outcome()).isEqualTo("incomplete");
        assertThat(open.messages().getFirst().bodyText()).isEqualTo("HTTP/1.1 200 OK\r\n\r\n");
        Feeding.Result closed = responsesEveryWay("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\nall of it", true, "GET");
        Recorder.Message m = only(closed);
        assertThat(m.response().framing()).isEqualTo(BodyFraming.UNTIL_CLOSE);
        assertThat(m.response().keepAlive()).isFalse();
        assertThat(m.complete).isTrue();
        assertThat(m.bodyText()).isEqualTo("all of it");
        assertThat(closed.state()).isEqualTo(ParserState.CLOSED);
    }

    @Test
    void aHeadCutShortByTheEndOfTheStreamIsAnError() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 200 OK\r\nContent-Le", true, "GET");
        assertThat(r.error()).isExactlyInstanceOf(BadHttpMessageException.class);
        assertThat(r.error().offset()).isEqualTo(27);
    }

    @Test
    void theEndOfTheStreamBeforeAnyResponseIsClean() {
        Feeding.Result r = responsesEveryWay("", true, "GET");
        assertThat(r.error()).isNull();
        assertThat(r.state()).isEqualTo(ParserState.CLOSED);
    }

    @Test
    void bytesAfterAConnectionCloseResponseAreNeverReadAsTheNextResponse() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nokHTTP/1.1 200 OK\r\n\r\n",
                false, "GET", "GET");
        assertThat(only(r).bodyText()).isEqualTo("ok");
        assertThat(r.state()).isEqualTo(ParserState.CLOSED);
        assertThat(r.leftoverText()).isEqualTo("HTTP/1.1 200 OK\r\n\r\n");
    }

    @Test
    void bytesNobodyAskedForAreLeftUnread() {
        Feeding.Result r = toGet("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokjunk\r\n");
        assertThat(only(r).bodyText()).isEqualTo("ok");
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
        assertThat(r.leftoverText()).isEqualTo("junk\r\n");
    }

    @Test
    void pipelinedResponsesFollowTheirRequestsMethods() {
        Feeding.Result r = responsesEveryWay("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"
                + "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nc\r\n0\r\n\r\n", false, "GET", "HEAD", "GET");
        assertThat(r.messages()).extracting(Recorder.Message::bodyText).containsExactly("a", "", "c");
        assertThat(r.state()).isEqualTo(ParserState.IDLE);
    }

    // ---- Limits (F16).

    @Test
    void anOversizeHeadIsRefusedWithoutUnboundedBuffering() {
        assertThat(rejected("HTTP/1.1 200 " + "x".repeat(8190) + "\r\n\r\n")).isInstanceOf(LineTooLongException.class);
        assertThat(rejected("HTTP/1.1 200 OK\r\nX: " + "x".repeat(8190) + "\r\n\r\n")).isInstanceOf(LineTooLongException.class);
        assertThat(rejected("HTTP/1.1 200 OK\r\n" + "X: 1\r\n".repeat(128) + "\r\n").why()).isEqualTo("more than 100 fields");
        assertThat(rejected("HTTP/1.1 200 OK\r\n" + ("X: " + "x".repeat(8000) + "\r\n").repeat(13) + "\r\n"))
                .isInstanceOf(LineTooLongException.class).hasMessageContaining("header section");
    }

    @Test
    void aFoldedFieldCountsAsOneLine() {
        String part = "x".repeat(5000);
        assertThat(rejected("HTTP/1.1 200 OK\r\nX: " + part + "\r\n " + part + "\r\n\r\n").what()).isEqualTo("header field");
    }
}
