package io.aio4j.http.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.http.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The chunked body encoder, checked against our own parser. */
class ChunkedEncoderTest {
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aChunkIsItsHexSizeTheDataAndCrLf() {
        assertThat(text(ChunkedEncoder.chunkHeader(26))).isEqualTo("1a\r\n");
        assertThat(text(ChunkedEncoder.chunkHeader(Long.MAX_VALUE))).isEqualTo("7fffffffffffffff\r\n");
        assertThat(text(ChunkedEncoder.chunkEnd())).isEqualTo("\r\n");
        assertThat(text(ChunkedEncoder.chunk(Feeding.bytes("xhello!"), 1, 5))).isEqualTo("5\r\nhello\r\n");
    }

    @Test
    void anEmptyChunkIsNothingSinceSizeZeroWouldEndTheBody() {
        assertThat(ChunkedEncoder.chunk(new byte[3], 1, 0)).isEmpty();
        assertThatThrownBy(() -> ChunkedEncoder.chunkHeader(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastChunkCarriesCheckedTrailers() {
        assertThat(text(ChunkedEncoder.lastChunk(Headers.of()))).isEqualTo("0\r\n\r\n");
        assertThat(text(ChunkedEncoder.lastChunk(Headers.of("X-Sum", "abc")))).isEqualTo("0\r\nX-Sum: abc\r\n\r\n");
        assertThatThrownBy(() -> ChunkedEncoder.lastChunk(Headers.of("X", "a\nb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("header value of 'X'");
    }

    @Test
    void anEncodedBodyParsesBackWithItsTrailers() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(HeadSerializer.requestHead("POST", "/", HttpVersion.HTTP_1_1, Headers.of("Transfer-Encoding", "chunked")));
        wire.writeBytes(ChunkedEncoder.chunk(Feeding.bytes("hello "), 0, 6));
        byte[] big = Feeding.bytes("w".repeat(300));
        wire.writeBytes(ChunkedEncoder.chunkHeader(big.length));
        wire.writeBytes(big);
        wire.writeBytes(ChunkedEncoder.chunkEnd());
        wire.writeBytes(ChunkedEncoder.lastChunk(Headers.of("T", "1")));
        Feeding.Result r = Feeding.everyWay(RequestParser::new, wire.toByteArray(), false);
        Recorder.Message m = r.messages().getFirst();
        assertThat(m.bodyText()).isEqualTo("hello " + "w".repeat(300));
        assertThat(m.chunkSizes).containsExactly(6L, 300L, 0L);
        assertThat(m.trailers).isEqualTo(Headers.of("T", "1"));
        assertThat(m.complete).isTrue();
    }
}
