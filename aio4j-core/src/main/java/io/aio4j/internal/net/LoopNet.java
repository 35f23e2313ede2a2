package io.aio4j.internal.net;

import io.aio4j.internal.loop.SelectorLoop;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A loop's network state: the direct buffer every plain read goes through (one per loop: reads
 * run one at a time on the loop thread), and the transports and servers still open, so a closing
 * loop closes them and tests can check that nothing leaked. Loop thread only.
 */
public final class LoopNet implements AutoCloseable {
    /** How much one read takes at most (asyncio reads up to 256 KiB; 64 KiB keeps the buffer in L2). */
    static final int READ_SIZE = 64 * 1024;

    private final SelectorLoop loop;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_SIZE);
    private final Set<AutoCloseable> open = new LinkedHashSet<>();

    private LoopNet(SelectorLoop loop) {
        this.loop = loop;
    }

    /**
     * Returns the network state of {@code loop}.
     *
     * @param loop the loop
     * @return its state
     */
    public static LoopNet of(SelectorLoop loop) {
        return loop.attachment(LoopNet.class, () -> new LoopNet(loop));
    }

    SelectorLoop loop() {
        return loop;
    }

    /** The shared read buffer, cleared. */
    ByteBuffer readBuffer() {
        return readBuffer.clear();
    }

    void opened(AutoCloseable resource) {
        open.add(resource);
    }

    void closed(AutoCloseable resource) {
        open.remove(resource);
    }

    /**
     * Returns the transports and servers of this loop that are still open.
     *
     * @return a snapshot
     */
    public List<AutoCloseable> openResources() {
        return new ArrayList<>(open);
    }

    /** Closes what is still open: a closing loop must not leave sockets behind. */
    @Override
    public void close() {
        for (AutoCloseable r : new ArrayList<>(open)) {
            try {
                if (r instanceof SocketTransport t) {
                    t.closeNow();
                } else if (r instanceof DatagramSocketTransport d) {
                    d.closeNow();
                } else {
                    r.close();
                }
            } catch (Exception e) {
                // closing at loop shutdown: nothing left to tell
            }
        }
        open.clear();
    }

    @Override
    public String toString() {
        return "network state of " + loop.name() + " (" + open.size() + " open)";
    }
}
