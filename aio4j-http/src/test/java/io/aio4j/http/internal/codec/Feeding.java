package io.aio4j.http.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.http.BadHttpMessageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Feeds a parser a byte stream cut into reads, the four ways of the reliability spec §5: whole,
 * one byte at a time, at seeded random points, and whole followed by {@code "trailing"}. Each read
 * goes in a fresh buffer (heap with a non-zero offset, or direct) holding the bytes the parser left
 * unread before plus the new ones, as a transport's read buffer would; after each feed the buffer
 * is scribbled over, so a parser that kept a reference to input bytes is caught.
 */
final class Feeding {
    static final byte[] TRAILING = "trailing".getBytes(StandardCharsets.US_ASCII);

    /** How the stream is cut. */
    record Split(String name, long seed) {
        static final Split WHOLE = new Split("whole", -1);
        static final Split BYTES = new Split("byte by byte", -2);

        static Split random(long seed) {
            return new Split("random splits, seed " + seed, seed);
        }

        List<byte[]> pieces(byte[] input) {
            List<byte[]> pieces = new ArrayList<>();
            if (this.equals(WHOLE)) {
                pieces.add(input);
            } else if (this.equals(BYTES)) {
                for (byte b : input) {
                    pieces.add(new byte[] {b});
                }
            } else {
                Random random = new Random(seed);
                for (int i = 0; i < input.length;) {
                    int n = Math.min(input.length - i, 1 + random.nextInt(random.nextBoolean() ? 4 : 40));
                    pieces.add(Arrays.copyOfRange(input, i, i + n));
                    i += n;
                }
            }
            return pieces;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What feeding produced. */
    record Result(Recorder recorder, ParserState state, byte[] leftover, BadHttpMessageException error, long consumed) {
        /** {@code error}, {@code upgrade}, {@code incomplete} (inside a message) or {@code complete}. */
        String outcome() {
            if (error != null) {
                return "error";
            }
            return switch (state) {
                case UPGRADED -> "upgrade";
                case HEAD, BODY -> "incomplete";
                default -> "complete";
            };
        }

        List<String> events() {
            return recorder.events;
        }

        List<Recorder.Message> messages() {
            return recorder.messages;
        }

        String leftoverText() {
            return new String(leftover, StandardCharsets.ISO_8859_1);
        }
    }

    private Feeding() {
    }

    static Result requests(String input) {
        return requests(bytes(input), Split.WHOLE, ParserLimits.DEFAULT, false);
    }

    static Result requests(byte[] input, Split split, ParserLimits limits, boolean eof) {
        return feed(r -> new RequestParser(r, limits), input, split, eof);
    }

    static Result responses(String input, String... methods) {
        return responses(bytes(input), Split.WHOLE, false, methods);
    }

    static Result responses(byte[] input, Split split, boolean eof, String... methods) {
        return feed(r -> {
            ResponseParser p = new ResponseParser(r);
            for (String m : methods) {
                p.expectResponse(m);
            }
            return p;
        }, input, split, eof);
    }

    static Result feed(Function<Recorder, HttpParser<?>> newParser, byte[] input, Split split, boolean eof) {
        Recorder recorder = new Recorder();
        HttpParser<?> parser = newParser.apply(recorder);
        byte[] unread = new byte[0];
        BadHttpMessageException error = null;
        int read = 0;
        for (byte[] piece : split.pieces(input)) {
            byte[] data = concat(unread, piece);
            ByteBuffer buffer = buffer(data, read++);
            int start = buffer.position();
            try {
                parser.feed(buffer);
            } catch (BadHttpMessageException e) {
                error = e;
                break;
            } finally {
                unread = new byte[buffer.remaining()];
                buffer.get(buffer.position(), unread);
                scribble(buffer, start);
            }
        }
        if (eof && error == null) {
            try {
                parser.feedEof();
            } catch (BadHttpMessageException e) {
                error = e;
            }
        }
        return new Result(recorder, parser.state(), unread, error, parser.consumed());
    }

    /** The splits every unit test runs: whole, byte by byte, and three seeded random ones. */
    static final List<Split> EVERY_WAY = List.of(Split.WHOLE, Split.BYTES, Split.random(1), Split.random(2),
            Split.random(3));

    /**
     * Feeds the input every way and checks each gives what the whole feed gives: the same events,
     * state, bytes left unread, and error (class and offset).
     *
     * @return the result of the whole feed
     */
    static Result everyWay(Function<Recorder, HttpParser<?>> newParser, byte[] input, boolean eof) {
        Result whole = feed(newParser, input, Split.WHOLE, eof);
        for (Split split : EVERY_WAY.subList(1, EVERY_WAY.size())) {
            Result r = feed(newParser, input, split, eof);
            assertThat(r.events()).as("events, %s", split).isEqualTo(whole.events());
            assertThat(r.state()).as("state, %s", split).isEqualTo(whole.state());
            if (whole.error() == null) {
                assertThat(r.error()).as("error, %s", split).isNull();
                assertThat(r.leftover()).as("unread, %s", split).isEqualTo(whole.leftover());
            } else {
                assertThat(r.error()).as("error, %s", split).isNotNull();
                assertThat(r.error().getClass()).as("error, %s", split).isEqualTo(whole.error().getClass());
                assertThat(r.error().offset()).as("error offset, %s", split).isEqualTo(whole.error().offset());
            }
        }
        return whole;
    }

    /** Parses requests every way, without end of stream. */
    static Result requestsEveryWay(String input) {
        return requestsEveryWay(input, ParserLimits.DEFAULT, false);
    }

    static Result requestsEveryWay(String input, ParserLimits limits, boolean eof) {
        return everyWay(r -> new RequestParser(r, limits), bytes(input), eof);
    }

    /** Parses responses to requests with these methods every way, then the end of the stream if asked. */
    static Result responsesEveryWay(String input, boolean eof, String... methods) {
        return everyWay(r -> {
            ResponseParser p = new ResponseParser(r);
            for (String m : methods) {
                p.expectResponse(m);
            }
            return p;
        }, bytes(input), eof);
    }

    /** Alternates direct buffers, heap buffers with a position, and heap slices with an array offset. */
    private static ByteBuffer buffer(byte[] data, int read) {
        switch (read % 3) {
            case 0 -> {
                return ByteBuffer.allocateDirect(data.length).put(data).flip();
            }
            case 1 -> {
                byte[] padded = new byte[data.length + 6];
                System.arraycopy(data, 0, padded, 3, data.length);
                return ByteBuffer.wrap(padded, 3, data.length);
            }
            default -> {
                byte[] padded = new byte[data.length + 6];
                System.arraycopy(data, 0, padded, 3, data.length);
                return ByteBuffer.wrap(padded, 3, data.length).slice();
            }
        }
    }

    private static void scribble(ByteBuffer buffer, int start) {
        for (int i = start; i < buffer.limit(); i++) {
            buffer.put(i, (byte) 'X');
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
