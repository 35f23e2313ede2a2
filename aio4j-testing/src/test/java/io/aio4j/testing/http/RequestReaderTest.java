package io.aio4j.testing.http;

import static io.aio4j.testing.http.PeerTesting.latin1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.net.IncompleteReadException;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.net.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The servers' own request reader, fed whole inputs: strict where a client under test could be
 * wrong (a {@link ProtocolException}, reported by the servers as a failure), and an
 * {@link IOException} of another kind when the client merely went away.
 */
class RequestReaderTest {

    /** Reads one request from {@code input}, which ends there. Call it inside a task. */
    private static RecordedRequest read(String input, int limit) throws IOException {
        StreamReader r = new StreamReader(limit);
        r.feedData(latin1(input));
        r.feedEof();
        RequestReader.Head head = RequestReader.readHead(r);
        return head == null ? null : RequestReader.readBody(r, head, 3, 4);
    }

    private static RecordedRequest read(String input) throws IOException {
        return read(input, StreamReader.DEFAULT_LIMIT);
    }

    @Test
    void aWellFormedRequestIsReadWithItsConnectionAndSequence() {
        RecordedRequest r = Aio.run(() -> read("DELETE * HTTP/1.0\r\nA: 1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nokEXTRA"));
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.target()).isEqualTo("*");
        assertThat(r.version()).isEqualTo("HTTP/1.0");
        assertThat(r.bodyText()).as("equal Content-Length values are one length").isEqualTo("ok");
        assertThat(r.rawText()).doesNotContain("EXTRA");
        assertThat(r.connection()).isEqualTo(3);
        assertThat(r.sequence()).isEqualTo(4);
    }

    @Test
    void theEndOfTheStreamBeforeARequestIsNoRequest() {
        assertThat(Aio.run(() -> read(""))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / FTP/1.1\r\n\r\n", "\r\n\r\n", "GET / HTTP/1.1 x\r\n\r\n",
        "GET / HTTP/1.1\r\nNoColon\r\n\r\n", "GET / HTTP/1.1\r\nName : v\r\n\r\n", "GET / HTTP/1.1\r\nA: 1\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\n: empty name\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 9a\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 1,2\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 9223372036854775807\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nILLEGAL\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
    })
    void aMalformedRequestIsAProtocolException(String input) {
        Aio.run(() -> assertThatThrownBy(() -> read(input)).isInstanceOf(ProtocolException.class));
    }

    @Test
    void aHeadLongerThanTheLimitIsAProtocolException() {
        Aio.run(() -> assertThatThrownBy(() -> read("GET / HTTP/1.1\r\nBig: " + "x".repeat(200) + "\r\n\r\n", 100))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("longer than 100 bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1\r\nHost: x\r\n", "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabc",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n",
    })
    void aRequestCutShortIsTheClientGoingAway(String input) {
        Aio.run(() -> assertThatThrownBy(() -> read(input)).isInstanceOf(IncompleteReadException.class));
    }
}
