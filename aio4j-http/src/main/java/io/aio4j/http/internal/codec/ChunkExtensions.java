package io.aio4j.http.internal.codec;

import static io.aio4j.http.internal.codec.ByteClass.CR;
import static io.aio4j.http.internal.codec.ByteClass.LF;

import io.aio4j.http.TransferEncodingException;
import java.nio.ByteBuffer;

/**
 * One thread only (the parser's): checks and skips the extensions of a chunk-size line, which aio4j
 * ignores (RFC 9112 §7.1.1): {@code *( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] )}.
 * Scanning survives any split of the input; it stops at the line's CR or LF.
 */
final class ChunkExtensions {
    private enum At { BEFORE_NAME, NAME, AFTER_NAME, BEFORE_VALUE, VALUE, QUOTED, QUOTED_PAIR, AFTER_VALUE }

    /** Where in the extension grammar the last byte left us. */
    private At at = At.BEFORE_NAME;

    /** Starts a new extension list; the caller has consumed its first {@code ;}. */
    void start() {
        at = At.BEFORE_NAME;
    }

    /**
     * Skips extension bytes.
     *
     * @param in the input
     * @param p where to start
     * @param end where the input ends
     * @param base the stream offset of index 0 of {@code in}, for errors
     * @return the index of the CR or LF that ends the line (not consumed), or {@code end} if it has
     *     not arrived yet
     * @throws TransferEncodingException if the extensions break the grammar
     */
    int scan(ByteBuffer in, int p, int end, long base) throws TransferEncodingException {
        for (; p < end; p++) {
            byte b = in.get(p);
            boolean ws = ByteClass.is(b, ByteClass.WS);
            boolean token = ByteClass.is(b, ByteClass.TOKEN);
            boolean eol = b == CR || b == LF;
            at = switch (at) {
                case BEFORE_NAME -> ws ? at : token ? At.NAME : fail(b, "expected an extension name", p, base);
                case NAME, AFTER_NAME -> {
                    if (eol) {
                        yield at; // a name or value may end the line
                    }
                    if (b == '=') {
                        yield At.BEFORE_VALUE;
                    }
                    if (b == ';') {
                        yield At.BEFORE_NAME;
                    }
                    yield ws ? At.AFTER_NAME : token && at == At.NAME ? At.NAME : fail(b, "bad extension name", p, base);
                }
                case BEFORE_VALUE -> ws ? at : b == '"' ? At.QUOTED : token ? At.VALUE
                        : fail(b, "expected an extension value", p, base);
                case VALUE, AFTER_VALUE -> {
                    if (eol) {
                        yield at; // a name or value may end the line
                    }
                    if (b == ';') {
                        yield At.BEFORE_NAME;
                    }
                    yield ws ? At.AFTER_VALUE : token && at == At.VALUE ? At.VALUE : fail(b, "bad extension value", p, base);
                }
                case QUOTED -> b == '"' ? At.AFTER_VALUE : b == '\\' ? At.QUOTED_PAIR
                        : ByteClass.is(b, ByteClass.QDTEXT) ? At.QUOTED : fail(b, "bad quoted extension value", p, base);
                case QUOTED_PAIR -> ByteClass.is(b, ByteClass.FIELD) ? At.QUOTED : fail(b, "bad quoted pair", p, base);
            };
            if (eol) {
                return p;
            }
        }
        return end;
    }

    private static At fail(byte b, String why, int p, long base) throws TransferEncodingException {
        throw new TransferEncodingException("chunk extension", why + ", got " + ByteClass.describe(b), base + p);
    }
}
