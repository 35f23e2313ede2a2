package io.aio4j.internal.loop;

import io.aio4j.internal.jfr.BlockedLoopEvent;
import java.time.Duration;

/** The watchdog's JFR event. */
final class LoopEvents {
    private LoopEvents() {}

    static void blocked(SelectorLoop loop, SelectorLoop.BlockedStep b, Duration blockedFor) {
        if (!jdk.jfr.FlightRecorder.isInitialized()) {
            return; // no recording could take it: do not load JFR's machinery for it
        }
        BlockedLoopEvent e = new BlockedLoopEvent();
        if (!e.isEnabled()) {
            return;
        }
        boolean blocked = b.threadState() != null && b.threadState() != Thread.State.RUNNABLE;
        e.kind = !blocked ? "slow step" : b.task() != null ? "pinned carrier" : "blocked callback";
        e.loop = loop.name();
        e.culprit = b.culprit();
        e.blockedFor = blockedFor.toNanos();
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] stack = b.stack() == null ? new StackTraceElement[0] : b.stack();
        for (int i = 0; i < Math.min(stack.length, 32); i++) {
            sb.append(stack[i]).append('\n');
        }
        e.stack = sb.toString();
        e.commit();
    }
}
