package io.aio4j.http.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.http.Headers;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The head serializer: exact bytes, and fault F34: CR, LF, NUL or another control character in a
 * method, target, header name or value, or reason phrase is refused with an
 * {@link IllegalArgumentException} naming the part, before a byte is written.
 */
class HeadSerializerTest {
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aRequestHeadIsTheRequestLineTheFieldsInOrderAndAnEmptyLine() {
        byte[] head = HeadSerializer.requestHead("GET", "/a?b=c", HttpVersion.HTTP_1_1,
                Headers.of("Host", "example.com", "X-Twice", "1", "X-Twice", "caf\u00e9\tbar"));
        assertThat(text(head)).isEqualTo("GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nX-Twice: 1\r\n"
                + "X-Twice: caf\u00e9\tbar\r\n\r\n");
    }

    @Test
    void aResponseHeadIsTheStatusLineTheFieldsAndAnEmptyLine() {
        assertThat(text(HeadSerializer.responseHead(HttpVersion.HTTP_1_0, 404, "Not Found", Headers.of("A", "")))).isEqualTo(
                "HTTP/1.0 404 Not Found\r\nA: \r\n\r\n");
        assertThat(text(HeadSerializer.responseHead(HttpVersion.HTTP_1_1, 999, "", Headers.of()))).isEqualTo(
                "HTTP/1.1 999 \r\n\r\n");
    }

    @Test
    void writingIntoABufferAdvancesItsPositionOrWritesNothing() {
        ByteBuffer out = ByteBuffer.allocate(100).put((byte) '!');
        int n = HeadSerializer.writeRequestHead("PUT", "/", HttpVersion.HTTP_1_1, Headers.of("A", "b"), out);
        assertThat(n).isEqualTo(24);
        assertThat(out.position()).isEqualTo(25);
        assertThat(new String(out.array(), 1, 24, StandardCharsets.ISO_8859_1)).isEqualTo("PUT / HTTP/1.1\r\nA: b\r\n\r\n");

        ByteBuffer small = ByteBuffer.allocate(24);
        assertThatThrownBy(() -> HeadSerializer.writeResponseHead(HttpVersion.HTTP_1_1, 200, "OK", Headers.of("A", "b"), small))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
        assertThat(small.array()).containsOnly(0);
    }

    @Test
    void aSerializedRequestParsesBackToTheSameHead() {
        Headers headers = Headers.of("Host", "h", "Content-Length", "3", "X", "\u00ff \t v");
        byte[] head = HeadSerializer.requestHead("POST", "/p", HttpVersion.HTTP_1_1, headers);
        Feeding.Result r = Feeding.requests(Feeding.concat(head, Feeding.bytes("abc")), Feeding.Split.WHOLE,
                ParserLimits.DEFAULT, false);
        RequestHead parsed = r.messages().getFirst().request();
        assertThat(parsed.method()).isEqualTo("POST");
        assertThat(parsed.target()).isEqualTo("/p");
        assertThat(parsed.headers()).isEqualTo(headers);
        assertThat(r.messages().getFirst().bodyText()).isEqualTo("abc");
    }

    // ---- F34: CPython's test_httplib.test_invalid_headers (16 cases), then aiohttp's control characters.

    static Stream<Arguments> cpythonInvalidHeaders() {
        return Stream.of(
                Arguments.of("Invalid\r\nName", "ValidValue"), Arguments.of("Invalid\rName", "ValidValue"),
                Arguments.of("Invalid\nName", "ValidValue"), Arguments.of("\r\nInvalidName", "ValidValue"),
                Arguments.of("\rInvalidName", "ValidValue"), Arguments.of("\nInvalidName", "ValidValue"),
                Arguments.of(" InvalidName", "ValidValue"), Arguments.of("\tInvalidName", "ValidValue"),
                Arguments.of("Invalid:Name", "ValidValue"), Arguments.of(":InvalidName", "ValidValue"),
                Arguments.of("ValidName", "Invalid\r\nValue"), Arguments.of("ValidName", "Invalid\rValue"),
                Arguments.of("ValidName", "Invalid\nValue"), Arguments.of("ValidName", "InvalidValue\r\n"),
                Arguments.of("ValidName", "InvalidValue\r"), Arguments.of("ValidName", "InvalidValue\n"));
    }

    @ParameterizedTest
    @MethodSource("cpythonInvalidHeaders")
    void aHeaderThatCouldSplitTheMessageIsRefusedBeforeAnythingIsWritten(String name, String value) {
        refusedUnwritten(() -> HeadSerializer.writeRequestHead("GET", "/", HttpVersion.HTTP_1_1,
                Headers.of("Host", "ok", name, value), buffer), name.equals("ValidName") ? "header value of 'ValidName'"
                        : "header name");
    }

    static Stream<Character> controlCharacters() {
        List<Character> chars = new ArrayList<>();
        for (char c = 0x00; c <= 0x1F; c++) {
            if (c != '\t') {
                chars.add(c);
            }
        }
        chars.add((char) 0x7F);
        chars.add('\u0100');
        return chars.stream();
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void everyControlCharacterIsRefusedInValuesNamesMethodsTargetsAndReasons(char c) {
        refusedUnwritten(() -> HeadSerializer.writeRequestHead("GET", "/", HttpVersion.HTTP_1_1, Headers.of("X", "a" + c), buffer),
                "header value of 'X'");
        refusedUnwritten(() -> HeadSerializer.writeRequestHead("GET", "/", HttpVersion.HTTP_1_1, Headers.of("X" + c, "a"), buffer),
                "header name");
        refusedUnwritten(() -> HeadSerializer.writeRequestHead("GET" + c, "/", HttpVersion.HTTP_1_1, Headers.of(), buffer),
                "method");
        refusedUnwritten(() -> HeadSerializer.writeRequestHead("GET", "/" + c, HttpVersion.HTTP_1_1, Headers.of(), buffer),
                "request target");
        refusedUnwritten(() -> HeadSerializer.writeResponseHead(HttpVersion.HTTP_1_1, 200, "O" + c + "K", Headers.of(), buffer),
                "reason phrase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /", "GET\r\nX", "", "G(T", "GÉT"})
    void aMethodMustBeAToken(String method) {
        refusedUnwritten(() -> HeadSerializer.writeRequestHead(method, "/", HttpVersion.HTTP_1_1, Headers.of(), buffer), "method");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/a\r\nHost: evil", "", "/caf\u00e9", "/\u0000"})
    void aTargetMustBeVisibleAscii(String target) {
        refusedUnwritten(() -> HeadSerializer.writeRequestHead("GET", target, HttpVersion.HTTP_1_1, Headers.of(), buffer),
                "request target");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 99, 1000})
    void aStatusMustBeFrom100To999(int status) {
        refusedUnwritten(() -> HeadSerializer.writeResponseHead(HttpVersion.HTTP_1_1, status, "X", Headers.of(), buffer),
                "status code");
    }

    @Test
    void theErrorNamesTheFieldButDoesNotEchoTheValue() {
        assertThatThrownBy(() -> HeadSerializer.requestHead("GET", "/", HttpVersion.HTTP_1_1,
                Headers.of("Authorization", "Bearer secret\r\nX: y")))
                .hasMessage("header value of 'Authorization' contains the forbidden character U+000D at index 13");
    }

    // ---- Helpers.

    private final ByteBuffer buffer = ByteBuffer.allocate(256);

    private void refusedUnwritten(Runnable write, String part) {
        assertThatThrownBy(write::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(part);
        assertThat(buffer.position()).as("bytes written").isZero();
        assertThat(buffer.array()).containsOnly(0);
    }
}
