package io.aio4j.testing.http;

import io.aio4j.Aio;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Loop thread only. Sends one {@link MockResponse} on a {@link MockServer}'s connection as its
 * {@link MockResponse.SocketPolicy} says.
 */
final class MockAnswer {
    private MockAnswer() {
    }

    /**
     * Sends the response, or as much of it as the policy lets through. Suspends the calling task.
     *
     * @param headOnly whether the request was {@code HEAD}: the body is not sent
     * @return whether the connection may serve another request; if not, the caller closes it
     * @throws IOException if the client closed or broke the connection meanwhile
     */
    static boolean send(MockResponse response, boolean headOnly, StreamReader reader, StreamWriter writer)
            throws IOException {
        MockResponse.SocketPolicy policy = response.policy();
        switch (policy) {
            case DISCONNECT_AFTER_REQUEST -> {
                return false;
            }
            case NO_RESPONSE -> {
                LoopbackServer.discardUntilEof(reader);
                return false;
            }
            default -> {
            }
        }
        sleep(response.headDelay());
        writer.write(response.head());
        writer.drain();
        byte[] body = headOnly ? new byte[0] : response.framedBody();
        if (body.length > 0) {
            sleep(response.bodyDelay());
        }
        if (policy == MockResponse.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY) {
            body = Arrays.copyOf(body, body.length / 2);
        }
        writer.write(body);
        writer.drain();
        return switch (policy) {
            case SHUTDOWN_OUTPUT_AT_END -> {
                if (writer.canWriteEof()) { // TLS cannot: the connection is closed instead
                    writer.writeEof();
                    LoopbackServer.discardUntilEof(reader);
                }
                yield false;
            }
            case KEEP_OPEN -> true;
            default -> false;
        };
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            Aio.sleep(d);
        }
    }
}
