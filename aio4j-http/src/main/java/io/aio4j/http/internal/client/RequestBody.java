package io.aio4j.http.internal.client;

import java.util.Iterator;

/** Thread-safe for the fixed kinds; a stream is read once, by the requesting task. What a request sends. */
sealed interface RequestBody {
    /** No body. */
    RequestBody NONE = new Fixed(new byte[0], null);

    /**
     * Says whether the body can be sent again (for a redirect that keeps it, or a retry).
     *
     * @return {@code true} for bytes in memory
     */
    boolean replayable();

    /**
     * A body in memory, sent with {@code Content-Length}.
     *
     * @param bytes the body
     * @param contentType the content type it implies, or {@code null}
     */
    record Fixed(byte[] bytes, String contentType) implements RequestBody {
        @Override
        public boolean replayable() {
            return true;
        }
    }

    /**
     * A body produced while it is sent, with {@code Transfer-Encoding: chunked}.
     *
     * @param chunks the pieces; empty ones are skipped
     */
    record Streamed(Iterator<byte[]> chunks) implements RequestBody {
        @Override
        public boolean replayable() {
            return false;
        }
    }
}
