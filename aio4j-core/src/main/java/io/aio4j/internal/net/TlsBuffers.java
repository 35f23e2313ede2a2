package io.aio4j.internal.net;

import io.aio4j.internal.loop.SelectorLoop;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A loop's direct buffers for TLS. Loop thread only.
 *
 * <ul>
 *   <li>Records read from sockets wait in a {@linkplain #takeNetIn net-in buffer} until they are
 *       whole; a connection holds one only while it has bytes in it, so idle connections cost
 *       none, and freed ones are pooled.
 *   <li>Decrypted bytes go through one {@linkplain #takeAppOut shared buffer} to the protocol, and
 *       encrypted bytes through another {@linkplain #takeNetOut shared buffer} to the socket
 *       transport (which copies what it cannot send at once): like {@link LoopNet}'s read buffer,
 *       one of each per loop suffices because the loop runs one callback at a time. A nested use
 *       (a protocol that writes from inside a delivery, say) gets a fresh buffer instead.
 * </ul>
 */
final class TlsBuffers {
    /** Net-in size: four full records, so one read can take several; above any packet size JSSE asks. */
    static final int NET_IN = 64 * 1024;
    /** Shared out buffers: four full records per engine call batch. */
    static final int SHARED = 80 * 1024;
    /** Free net-in buffers kept for reuse (5 MiB at most). */
    private static final int MAX_FREE = 80;

    private final ArrayDeque<ByteBuffer> freeNetIn = new ArrayDeque<>();
    private ByteBuffer appOut; // guarded by appOutBusy
    private boolean appOutBusy;
    private ByteBuffer netOut; // guarded by netOutBusy
    private boolean netOutBusy;

    static TlsBuffers of(SelectorLoop loop) {
        return loop.attachment(TlsBuffers.class, TlsBuffers::new);
    }

    ByteBuffer takeNetIn(int min) {
        ByteBuffer b = freeNetIn.pollFirst();
        if (b == null || b.capacity() < min) {
            b = ByteBuffer.allocateDirect(Math.max(NET_IN, min));
        }
        return b.clear();
    }

    void giveNetIn(ByteBuffer b) {
        if (b.capacity() == NET_IN && freeNetIn.size() < MAX_FREE) {
            freeNetIn.addFirst(b);
        }
    }

    ByteBuffer takeAppOut(int min) {
        if (appOutBusy) {
            return ByteBuffer.allocate(Math.max(SHARED, min));
        }
        if (appOut == null || appOut.capacity() < min) {
            appOut = ByteBuffer.allocateDirect(Math.max(SHARED, min));
        }
        appOutBusy = true;
        return appOut.clear();
    }

    void giveAppOut(ByteBuffer b) {
        if (b == appOut) {
            appOutBusy = false;
        }
    }

    ByteBuffer takeNetOut(int min) {
        if (netOutBusy) {
            return ByteBuffer.allocate(Math.max(SHARED, min));
        }
        if (netOut == null || netOut.capacity() < min) {
            netOut = ByteBuffer.allocateDirect(Math.max(SHARED, min));
        }
        netOutBusy = true;
        return netOut.clear();
    }

    void giveNetOut(ByteBuffer b) {
        if (b == netOut) {
            netOutBusy = false;
        }
    }
}
