package io.aio4j.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import io.aio4j.testing.AioTest;
import io.aio4j.testing.http.MockResponse;
import io.aio4j.testing.http.MockServer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @AioTest} with the HTTP client: a test that closes what it opens passes; one that leaves its session open fails, naming it. */
class AioTestWithSessionsTest {

    @AioTest
    void aClientTestReadsLikeAsyncioCode() throws Exception {
        try (MockServer server = MockServer.start(); ClientSession session = ClientSession.create()) {
            server.enqueue(new MockResponse().body("hello"));
            try (ClientResponse r = session.get(server.url("/"))) {
                assertThat(r.text()).isEqualTo("hello");
            }
        }
    }

    /** Run by the kit only. */
    static class Leaky {
        @AioTest
        void leavesItsSessionOpen() throws Exception {
            try (MockServer server = MockServer.start()) {
                ClientSession session = ClientSession.create();
                server.enqueue(new MockResponse().body("hello"));
                session.get(server.url("/")).close();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aSessionLeftOpenFailsTheTestAndIsNamed() {
        EngineExecutionResults r = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Leaky.class, "leavesItsSessionOpen")).execute();
        r.testEvents().assertStatistics(s -> s.failed(1));
        Throwable t = r.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(t).isInstanceOf(AssertionError.class);
        assertThat(t.getMessage()).contains("leavesItsSessionOpen left").contains("open <ClientSession ");
    }
}
