package io.aio4j.http.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aio4j.http.Headers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the llhttp sample corpus ({@code src/test/resources/llhttp-sample}, copied
 * from {@code ../shared/corpora/llhttp-sample}, MIT licence) through our parsers, fed the four ways
 * of the reliability spec §5: whole, byte by byte, at seeded random splits, and whole followed by
 * {@code "trailing"}. Each way must give the outcome llhttp gives (reject, complete, incomplete,
 * upgrade), the same messages (method, target, version, status, reason, headers, body, chunk sizes,
 * trailers) and the same events as the whole feed; an error must be the same exception at the same
 * offset whatever the split.
 *
 * <p>Grading notes:
 * <ul>
 *   <li>llhttp's header value spans keep trailing whitespace; RFC 9112 §5 strips it, and so do we,
 *       so expected values are compared stripped.</li>
 *   <li>An expected body is taken from the log's {@code span[body]} offsets into the raw bytes, not
 *       from {@code body_hex}: the converter dropped the {@code lf} spans from {@code body_hex} in
 *       {@code response/content-length.md:12}.</li>
 *   <li>{@code error_after_close} (llhttp refuses bytes after a {@code Connection: close} message)
 *       is graded as: the message completes, the parser is {@link ParserState#CLOSED} and leaves the
 *       bytes after it unread, which is our way of never reading them as a next message.</li>
 *   <li>llhttp's pause cases parse as usual: pausing is an API feature, not a framing one.</li>
 * </ul>
 * A case that differs by policy is listed in {@link #SKIPPED} with the policy line; it is still run
 * and must give our policy's outcome, then it is reported as skipped.
 */
class LlhttpCorpusTest {
    /** Case id, our outcome, and the policy line that makes it differ from llhttp. */
    private record Skip(String outcome, String reason) {
    }

    private static final Map<String, Skip> SKIPPED = Map.of(
            "llhttp:test/request/method.md:374", new Skip("error",
                    "ICE/1.0 (Icecast's SOURCE) is not HTTP: we accept only HTTP/1.0 and HTTP/1.1, like aiohttp whose"
                            + " VERSRE requires HTTP/d.d (policy §1, 'HTTP/0.9 response'; the corpus README counts"
                            + " RTSP, the same kind of case, as one that differs by policy)"));

    private static final Pattern MESSAGE_COMPLETE = Pattern.compile("^off=(\\d+) message complete$");
    private static final Pattern BODY_SPAN = Pattern.compile("^off=(\\d+) len=(\\d+) span\\[body\\]");
    private static final List<Feeding.Split> SPLITS = List.of(Feeding.Split.WHOLE, Feeding.Split.BYTES,
            Feeding.Split.random(1), Feeding.Split.random(2), Feeding.Split.random(3));
    /** §5 appends trailing bytes to complete messages (after a Connection: close one, too). */
    private static final List<String> TRAILING_OUTCOMES = List.of("complete", "upgrade", "error_after_close");
    private static final Map<String, Feeding.Result> WHOLE = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicContainer> everyCaseFedEveryWay() throws IOException {
        return cases().stream().map(c -> {
            List<org.junit.jupiter.api.DynamicTest> tests = new ArrayList<>();
            for (Feeding.Split split : SPLITS) {
                tests.add(dynamicTest(split.toString(), () -> check(c, split)));
            }
            if (!SKIPPED.containsKey(id(c)) && TRAILING_OUTCOMES.contains((String) c.get("outcome"))) {
                tests.add(dynamicTest("whole + trailing", () -> checkTrailing(c)));
            }
            return dynamicContainer(c.get("id") + " " + c.get("title"), tests);
        });
    }

    static List<Map<String, Object>> cases() throws IOException {
        List<Map<String, Object>> cases = new ArrayList<>();
        try (var in = LlhttpCorpusTest.class.getResourceAsStream("/llhttp-sample/cases.jsonl")) {
            Objects.requireNonNull(in, "llhttp-sample/cases.jsonl is not on the test class path");
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) Json.parse(line);
                    cases.add(c);
                }
            }
        }
        return cases;
    }

    // ---- Grading.

    private static void check(Map<String, Object> c, Feeding.Split split) {
        byte[] raw = raw(c);
        Feeding.Result r = parse(c, raw, split);
        Feeding.Result whole = WHOLE.computeIfAbsent(id(c), k -> parse(c, raw, Feeding.Split.WHOLE));
        sameAsWhole(r, whole);
        Skip skip = SKIPPED.get(id(c));
        if (skip != null) {
            assertThat(r.outcome()).as("our policy's outcome").isEqualTo(skip.outcome());
            Assumptions.abort("differs from llhttp by policy: " + skip.reason());
        }
        String expected = (String) c.get("outcome");
        List<Map<String, Object>> messages = listOfMaps(c.get("messages"));
        List<byte[]> bodies = bodiesFromLog(c, raw);
        switch (expected) {
            case "error" -> assertThat(r.error()).as("outcome of %s", r.events()).isNotNull();
            case "error_after_close" -> {
                assertThat(r.outcome()).isEqualTo("complete");
                assertThat(r.state()).isEqualTo(ParserState.CLOSED);
                assertThat(r.leftover()).as("left unread").isEqualTo(from(raw, lastMessageEnd(c)));
            }
            case "upgrade" -> {
                assertThat(r.outcome()).as("outcome").isEqualTo("upgrade");
                assertThat(r.leftover()).as("bytes left for the new protocol").isEqualTo(from(raw, errorOffset(c)));
            }
            default -> assertThat(r.outcome()).as("outcome; error %s", r.error()).isEqualTo(expected);
        }
        List<Recorder.Message> ours = expected.equals("error") ? r.recorder().complete() : r.messages();
        List<Map<String, Object>> theirs = expected.equals("error")
                ? messages.stream().filter(m -> Boolean.TRUE.equals(m.get("complete"))).toList() : messages;
        assertThat(ours).as("messages").hasSize(theirs.size());
        for (int i = 0; i < theirs.size(); i++) {
            compare(theirs.get(i), ours.get(i), bodies.get(i), (String) c.get("type"));
        }
    }

    private static void checkTrailing(Map<String, Object> c) {
        byte[] raw = raw(c);
        Feeding.Result whole = parse(c, raw, Feeding.Split.WHOLE);
        Feeding.Result r = parse(c, Feeding.concat(raw, Feeding.TRAILING), Feeding.Split.WHOLE);
        assertThat(r.error()).isNull();
        assertThat(r.events().subList(0, whole.events().size())).isEqualTo(whole.events());
        if (whole.leftover().length > 0) { // stopped: upgraded, or closed with bytes after the message
            assertThat(r.leftover()).isEqualTo(Feeding.concat(whole.leftover(), Feeding.TRAILING));
        } else if (r.leftover().length > 0) {
            assertThat(r.leftover()).as("left unread").isEqualTo(Feeding.TRAILING);
        } else {
            assertThat(r.state()).as("parsed as the start of the next message").isEqualTo(ParserState.HEAD);
            assertThat(r.events().subList(whole.events().size(), r.events().size())).containsExactly("begin");
        }
    }

    private static void sameAsWhole(Feeding.Result r, Feeding.Result whole) {
        assertThat(r.events()).as("events").isEqualTo(whole.events());
        assertThat(r.state()).isEqualTo(whole.state());
        if (whole.error() != null) { // what is left unread after an error depends on the split
            assertThat(r.error()).as("error").isNotNull();
            assertThat(r.error().getClass()).isEqualTo(whole.error().getClass());
            assertThat(r.error().offset()).as("error offset").isEqualTo(whole.error().offset());
        } else {
            assertThat(r.error()).as("error").isNull();
            assertThat(r.leftover()).isEqualTo(whole.leftover());
        }
    }

    private static void compare(Map<String, Object> expected, Recorder.Message actual, byte[] body, String type) {
        assertThat(actual.head).as("head").isNotNull();
        if (type.equals("request")) {
            RequestHead head = actual.request();
            assertThat(head.method()).isEqualTo(expected.get("method"));
            assertThat(head.target()).isEqualTo(expected.get("url"));
        } else {
            ResponseHead head = actual.response();
            assertThat((long) head.status()).isEqualTo(expected.get("status"));
            assertThat(head.reason()).isEqualTo(Objects.requireNonNullElse(expected.get("reason"), ""));
        }
        assertThat(actual.head.version().text()).isEqualTo("HTTP/" + expected.get("version"));
        assertThat(pairs(actual.head.headers())).as("headers").isEqualTo(stripped(list(expected.get("headers"))));
        assertThat(actual.body.toByteArray()).as("body").isEqualTo(body);
        assertThat(actual.chunkSizes).as("chunk sizes").isEqualTo(expected.get("chunk_sizes"));
        assertThat(pairs(actual.trailers)).as("trailers").isEqualTo(stripped(list(expected.get("trailers"))));
        assertThat(actual.complete).as("complete").isEqualTo(expected.get("complete"));
    }

    // ---- Reading a case.

    private static Feeding.Result parse(Map<String, Object> c, byte[] input, Feeding.Split split) {
        return c.get("type").equals("request")
                ? Feeding.requests(input, split, ParserLimits.DEFAULT, false)
                : Feeding.responses(input, split, false, "GET");
    }

    /** The body of each message, from the log's body spans (message begin starts a new one). */
    private static List<byte[]> bodiesFromLog(Map<String, Object> c, byte[] raw) {
        List<java.io.ByteArrayOutputStream> bodies = new ArrayList<>();
        for (Object o : list(c.get("log"))) {
            String entry = (String) o;
            if (entry.endsWith(" message begin")) {
                bodies.add(new java.io.ByteArrayOutputStream());
            }
            Matcher m = BODY_SPAN.matcher(entry);
            if (m.find()) {
                int off = Integer.parseInt(m.group(1));
                bodies.getLast().write(raw, off, Integer.parseInt(m.group(2)));
            }
        }
        return bodies.stream().map(java.io.ByteArrayOutputStream::toByteArray).toList();
    }

    private static List<List<String>> pairs(Headers headers) {
        List<List<String>> pairs = new ArrayList<>();
        headers.forEach(e -> pairs.add(List.of(e.getKey(), e.getValue())));
        return pairs;
    }

    private static List<List<String>> stripped(List<Object> pairs) {
        return pairs.stream().map(p -> {
            List<Object> pair = list(p);
            return List.of((String) pair.get(0), ((String) pair.get(1)).replaceAll("[ \\t]+$", ""));
        }).toList();
    }

    /** Where the last message ended (llhttp's error offset is one byte past it, in {@code error_after_close}). */
    private static int lastMessageEnd(Map<String, Object> c) {
        int end = -1;
        for (Object o : list(c.get("log"))) {
            Matcher m = MESSAGE_COMPLETE.matcher((String) o);
            if (m.find()) {
                end = Integer.parseInt(m.group(1));
            }
        }
        return end;
    }

    private static int errorOffset(Map<String, Object> c) {
        Map<String, Object> error = map(c.get("error"));
        return ((Long) error.get("offset")).intValue();
    }

    private static byte[] raw(Map<String, Object> c) {
        return HexFormat.of().parseHex((String) c.get("raw_hex"));
    }

    private static byte[] from(byte[] raw, int offset) {
        return java.util.Arrays.copyOfRange(raw, offset, raw.length);
    }

    private static String id(Map<String, Object> c) {
        return (String) c.get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Map<String, Object>> listOfMaps(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
