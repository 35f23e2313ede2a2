package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The loops of this JVM that are not closed, held weakly, for {@link EventLoop#liveLoops()} and the
 * monitors built on it. Thread-safe. A loop registers itself when it is made and leaves when it
 * closes; one dropped without closing leaves when the GC takes it.
 */
public final class LoopRegistry {
    private static final List<WeakReference<SelectorLoop>> LOOPS = new ArrayList<>();

    private LoopRegistry() {}

    static void register(SelectorLoop loop) {
        synchronized (LOOPS) {
            LOOPS.add(new WeakReference<>(loop));
        }
        Monitoring.loopCreated();
    }

    static void unregister(SelectorLoop loop) {
        synchronized (LOOPS) {
            LOOPS.removeIf(r -> {
                SelectorLoop l = r.get();
                return l == null || l == loop;
            });
        }
    }

    /**
     * Returns the live loops, oldest first.
     *
     * @return a copy
     */
    public static List<EventLoop> live() {
        List<EventLoop> out = new ArrayList<>();
        synchronized (LOOPS) {
            for (Iterator<WeakReference<SelectorLoop>> it = LOOPS.iterator(); it.hasNext(); ) {
                SelectorLoop l = it.next().get();
                if (l == null || l.isClosed()) {
                    it.remove();
                } else {
                    out.add(l);
                }
            }
        }
        return out;
    }
}
