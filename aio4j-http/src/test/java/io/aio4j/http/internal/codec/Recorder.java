package io.aio4j.http.internal.codec;

import io.aio4j.http.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener that records what a parser found: a list of events (consecutive body slices merged,
 * so any split of the input gives the same list) and the messages they make.
 */
class Recorder implements MessageListener<MessageHead> {
    /** One message as far as it was parsed. */
    static final class Message {
        MessageHead head;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final List<Long> chunkSizes = new ArrayList<>();
        Headers trailers = Headers.of();
        boolean complete;

        String bodyText() {
            return body.toString(StandardCharsets.ISO_8859_1);
        }

        RequestHead request() {
            return (RequestHead) head;
        }

        ResponseHead response() {
            return (ResponseHead) head;
        }
    }

    final List<String> events = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    /** A callback to run at each event, e.g. to pause the parser. */
    Runnable onEvent = () -> { };

    Message last() {
        return messages.getLast();
    }

    List<Message> complete() {
        return messages.stream().filter(m -> m.complete).toList();
    }

    @Override
    public void onMessageBegin() {
        messages.add(new Message());
        event("begin");
    }

    @Override
    public void onHead(MessageHead head) {
        last().head = head;
        event("head " + head);
    }

    @Override
    public void onChunkHeader(long size) {
        last().chunkSizes.add(size);
        event("chunk " + size);
    }

    @Override
    public void onBody(ByteBuffer data) {
        if (!data.hasRemaining()) {
            throw new AssertionError("empty body slice");
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        last().body.writeBytes(bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!events.isEmpty() && events.getLast().startsWith("body ")) {
            events.set(events.size() - 1, events.getLast() + text);
        } else {
            events.add("body " + text);
        }
        onEvent.run();
    }

    @Override
    public void onTrailers(Headers trailers) {
        last().trailers = trailers;
        event("trailers " + trailers);
    }

    @Override
    public void onMessageComplete() {
        last().complete = true;
        event("complete");
    }

    private void event(String e) {
        events.add(e);
        onEvent.run();
    }
}
