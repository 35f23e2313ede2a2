package io.aio4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A task was created. Off by default (one per task); turn on {@code io.aio4j.TaskCreated} in a JFR settings file. */
@Name("io.aio4j.TaskCreated")
@Label("Task Created")
@Category({"aio4j", "Tasks"})
@Description("An aio4j task was created")
@StackTrace(false)
@jdk.jfr.Enabled(false)
public final class TaskCreatedEvent extends jdk.jfr.Event {
    @Label("Task Id")
    public long taskId;
    @Label("Task Name")
    public String taskName;
    @Label("Parent Task Id")
    @Description("The id of the task that created it, or 0")
    public long parentId;
    @Label("Loop")
    public String loop;
}
