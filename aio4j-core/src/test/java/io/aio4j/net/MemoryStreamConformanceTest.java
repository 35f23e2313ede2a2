package io.aio4j.net;

/** The stream contract on an in-memory pipe: two {@link MemoryTransport}s under stream protocols. */
class MemoryStreamConformanceTest extends StreamConformanceTest {
    @Override
    protected StreamPair openPair() {
        Connection[] c = MemoryTransport.connections(loop, StreamReader.DEFAULT_LIMIT);
        return new StreamPair(c[0], c[1], () -> {});
    }
}
