package io.aio4j.http.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Reliability spec §5 on inputs nobody wrote by hand: every corpus case, with a few bytes replaced
 * by ones the grammar cares about (CR, LF, SP, HTAB, colon, semicolon, digits, NUL, obs-text),
 * must give the same events, state and error, at the same offset, however it is split. Catches
 * state-machine bugs on paths the hand-written cases never take.
 */
class SplitInvarianceTest {
    private static final byte[] INTERESTING = {'\r', '\n', ' ', '\t', ':', ';', '0', '5', 'a', 'F', '"', '\\', '=', 0,
        (byte) 0x80, (byte) 0xFF, 'H', '/', '1', '.'};

    @Test
    void mutatedCorpusCasesParseTheSameWhateverTheSplit() throws IOException {
        Random random = new Random(42);
        int runs = 0;
        for (Map<String, Object> c : LlhttpCorpusTest.cases()) {
            byte[] raw = HexFormat.of().parseHex((String) c.get("raw_hex"));
            boolean request = c.get("type").equals("request");
            Function<Recorder, HttpParser<?>> parser = request ? RequestParser::new : r -> {
                ResponseParser p = new ResponseParser(r);
                p.expectResponse("GET");
                p.expectResponse("HEAD");
                return p;
            };
            for (int i = 0; i < 12; i++) {
                byte[] mutated = raw.clone();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    mutated[random.nextInt(mutated.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
                }
                Feeding.everyWay(parser, mutated, random.nextBoolean());
                runs++;
            }
        }
        assertThat(runs).isEqualTo(12 * 42);
    }

    @Test
    void pipelinedMessagesParseTheSameWhateverTheSplit() {
        List<String> requests = List.of("GET / HTTP/1.1\r\n\r\n", "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
                "PUT /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n", "\r\n");
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            StringBuilder stream = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                stream.append(requests.get(random.nextInt(requests.size())));
            }
            Feeding.Result r = Feeding.requestsEveryWay(stream.toString());
            assertThat(r.error()).isNull();
            assertThat(r.leftover()).isEmpty();
        }
    }
}
