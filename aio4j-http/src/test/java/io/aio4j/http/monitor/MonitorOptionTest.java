package io.aio4j.http.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.LoopOptions;
import io.aio4j.http.ClientConnectorException;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code LoopOptions.withMonitorPort}: the loop starts the monitor when it is made and stops it when it closes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MonitorOptionTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aLoopWithAMonitorPortServesThePageUntilItCloses() throws IOException {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/api/loops";
        EventLoop watched = EventLoop.create(LoopOptions.defaults().withName("watched").withMonitorPort(port));
        try {
            Aio.run(() -> {
                try (ClientSession session = ClientSession.create(); ClientResponse r = session.get(url)) {
                    assertThat(r.text()).contains("\"loop\":\"watched\"");
                }
            });
        } finally {
            watched.close();
        }
        Aio.run(() -> {
            try (ClientSession session = ClientSession.create()) {
                assertThatThrownBy(() -> session.get(url)).as("closed with its loop")
                        .isInstanceOf(ClientConnectorException.class);
            }
        });
    }

    @Test
    void aPortOutOfRangeIsRefusedAtOnce() {
        assertThatThrownBy(() -> LoopOptions.defaults().withMonitorPort(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..65535");
    }
}
