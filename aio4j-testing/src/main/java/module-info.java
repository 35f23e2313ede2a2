/**
 * Test support for aio4j: an event loop on virtual time and the JUnit 5 annotation {@code @AioTest}
 * ({@code io.aio4j.testing}), and HTTP test
 * peers ({@code io.aio4j.testing.http}): a scripted replay server for fault injection and a mock
 * server that answers with queued responses.
 */
module io.aio4j.testing {
    requires transitive io.aio4j;
    requires static org.junit.jupiter.api; // for @AioTest only

    exports io.aio4j.testing;
    exports io.aio4j.testing.http;
}
