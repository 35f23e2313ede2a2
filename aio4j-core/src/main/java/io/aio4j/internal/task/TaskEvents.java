package io.aio4j.internal.task;

import io.aio4j.internal.jfr.TaskCreatedEvent;
import io.aio4j.internal.jfr.TaskEndedEvent;

/**
 * The JFR events of a task's life. Both are off unless a recording turns them on. Until JFR starts
 * in this JVM (a flag, or {@code jcmd JFR.start}) not even the event classes are loaded: that
 * would bring in JFR's machinery, a few hundred classes, at the first task.
 */
final class TaskEvents {
    private TaskEvents() {}

    /** Records a creation if asked; returns the start of the task's span, or 0 when none is recorded. */
    static long created(TaskImpl<?> t) {
        if (!jdk.jfr.FlightRecorder.isInitialized()) {
            return 0;
        }
        TaskCreatedEvent e = new TaskCreatedEvent();
        if (e.isEnabled()) {
            e.taskId = t.id();
            e.taskName = t.name();
            e.parentId = t.parent == null ? 0 : t.parent.id();
            e.loop = t.loop.name();
            e.commit();
        }
        return new TaskEndedEvent().isEnabled() ? System.nanoTime() : 0;
    }

    /** Records the end of a task's life if its creation was timed. */
    static void ended(TaskImpl<?> t) {
        if (t.createdNanos == 0) {
            return;
        }
        TaskEndedEvent e = new TaskEndedEvent();
        if (e.isEnabled()) {
            e.taskId = t.id();
            e.taskName = t.name();
            e.outcome = t.cancelled() ? "cancelled" : t.peekException() != null ? "exception" : "result";
            e.loop = t.loop.name();
            e.lifetime = System.nanoTime() - t.createdNanos;
            e.commit();
        }
    }
}
