package io.aio4j.bench;

import io.aio4j.EventLoop;

/** Shared set-up: every benchmark runs on the fast path unless told otherwise. */
final class BenchLoops {
    /** The flag that turns on the fast path; JMH's forks get it through {@code @Fork}. */
    static final String ADD_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    /** The heap of the sized-heap variants, as JVM flags (spelled out in their {@code @Fork}). */
    static final String SIZED_HEAP = "-Xms3g -Xmx3g -Xmn2g -XX:+AlwaysPreTouch";

    private BenchLoops() {}

    /**
     * Creates a loop after checking the scheduling mode: a benchmark that silently measured the
     * slow BATON path would report the wrong thing. {@code -Daio4j.bench.allowBaton=true} measures
     * BATON on purpose.
     */
    static EventLoop newLoop() {
        EventLoop loop = EventLoop.create();
        EventLoop.SchedulingMode mode = EventLoop.schedulingMode();
        if (mode != EventLoop.SchedulingMode.LOOP_SCHEDULER && !Boolean.getBoolean("aio4j.bench.allowBaton")) {
            loop.close();
            throw new IllegalStateException("aio4j runs in " + mode + " mode; run with " + ADD_OPENS
                    + " (or -Daio4j.bench.allowBaton=true to measure BATON)");
        }
        return loop;
    }
}
