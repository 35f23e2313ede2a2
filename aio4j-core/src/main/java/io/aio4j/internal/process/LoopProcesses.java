package io.aio4j.internal.process;

import io.aio4j.internal.loop.SelectorLoop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A loop's children that are not finished (still running, or with a pipe still open), so a
 * closing loop kills them and ends their pipe threads, and tests can check that nothing leaked.
 * Loop thread only.
 */
public final class LoopProcesses implements AutoCloseable {
    private final SelectorLoop loop;
    private final Set<SubprocessImpl> live = new LinkedHashSet<>();

    private LoopProcesses(SelectorLoop loop) {
        this.loop = loop;
    }

    /**
     * Returns the process state of {@code loop}.
     *
     * @param loop the loop
     * @return its state
     */
    public static LoopProcesses of(SelectorLoop loop) {
        return loop.attachment(LoopProcesses.class, () -> new LoopProcesses(loop));
    }

    void started(SubprocessImpl p) {
        live.add(p);
    }

    void finished(SubprocessImpl p) {
        live.remove(p);
    }

    /**
     * Returns the children of this loop that still run or have a pipe open.
     *
     * @return a snapshot
     */
    public List<SubprocessImpl> live() {
        return new ArrayList<>(live);
    }

    /** Kills what still runs and ends the pipe threads: a closing loop must not leave them behind. */
    @Override
    public void close() {
        for (SubprocessImpl p : new ArrayList<>(live)) {
            p.closeNow();
        }
        live.clear();
    }

    @Override
    public String toString() {
        return "child processes of " + loop.name() + " (" + live.size() + " live)";
    }
}
