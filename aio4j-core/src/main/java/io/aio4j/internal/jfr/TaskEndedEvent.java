package io.aio4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A task ended: its whole life is the event's duration, so JDK Mission Control draws it as a span.
 * Off by default (one per task).
 */
@Name("io.aio4j.TaskEnded")
@Label("Task")
@Category({"aio4j", "Tasks"})
@Description("An aio4j task's life, from creation to its end")
@StackTrace(false)
@jdk.jfr.Enabled(false)
public final class TaskEndedEvent extends jdk.jfr.Event {
    @Label("Task Id")
    public long taskId;
    @Label("Task Name")
    public String taskName;
    @Label("Outcome")
    @Description("result, exception or cancelled")
    public String outcome;
    @Label("Loop")
    public String loop;
    @Label("Steps Waited")
    @Timespan(Timespan.NANOSECONDS)
    public long lifetime;
}
