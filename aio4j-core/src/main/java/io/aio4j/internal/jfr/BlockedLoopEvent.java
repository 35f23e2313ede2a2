package io.aio4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The watchdog found a step that holds its loop: a callback or task step that runs too long (a
 * slow step), or a task that blocked in the JDK while it held the loop's carrier (a pinned
 * carrier: {@code synchronized} around a wait, a file read, a blocking call in the portable mode).
 * On by default: it happens only when something is wrong.
 */
@Name("io.aio4j.BlockedLoop")
@Label("Blocked Event Loop")
@Category({"aio4j", "Loop"})
@Description("A callback or task step held an aio4j event loop past the slow-callback threshold")
@StackTrace(false)
public final class BlockedLoopEvent extends jdk.jfr.Event {
    @Label("Kind")
    @Description("slow step: it computes; pinned carrier: it is blocked in the JDK while holding the loop")
    public String kind;
    @Label("Loop")
    public String loop;
    @Label("Culprit")
    public String culprit;
    @Label("Blocked For")
    @Timespan(Timespan.NANOSECONDS)
    public long blockedFor;
    @Label("Stack")
    @Description("The culprit's stack, innermost frame first")
    public String stack;
}
