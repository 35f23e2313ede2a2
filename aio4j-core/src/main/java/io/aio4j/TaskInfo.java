package io.aio4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One task of a {@link LoopSnapshot}: what Python 3.14's {@code asyncio ps} shows of a task, and
 * more. Immutable; taken on the task's loop, so its fields agree with each other.
 *
 * @param id the task's number, unique in the JVM ({@link Task#id()})
 * @param name the task's name
 * @param state where the task stands
 * @param parentId the id of the task that created it, or {@code 0} when no task did (the main task,
 *     a task created by a callback or from outside the loop)
 * @param group the task group it is a child of ({@code "TaskGroup-3 of 'main'"}), or {@code null}
 * @param waitingOn what a {@link State#WAITING} task waits for, in words ({@code "sleep, 1.5 s
 *     left"}, {@code "read from /127.0.0.1:8080"}, {@code "Lock.acquire <Lock [locked]>"}, {@code
 *     "task 'worker-2'"}), else {@code null}
 * @param waited how long a waiting task has waited so far, measured on its loop's clock to the
 *     loop iteration, else {@code null}
 * @param cancelling how many cancellation requests are pending ({@link Task#cancelling()})
 * @param stack the task's stack, innermost frame first, aio4j's own frames left out; empty for the
 *     task that took the snapshot
 */
public record TaskInfo(long id, String name, State state, long parentId, String group, String waitingOn,
        Duration waited, int cancelling, List<StackTraceElement> stack) {

    /** Where a task stands when the snapshot is taken. */
    public enum State {
        /** It took the snapshot: the running task is the one asking. */
        RUNNING,
        /** Ready to run: started but not yet run, woken, or yielding; the loop runs it soon. */
        READY,
        /** Suspended until what {@link TaskInfo#waitingOn()} names happens. */
        WAITING
    }

    /**
     * Copies the stack.
     *
     * @param id the task's number
     * @param name its name
     * @param state where it stands
     * @param parentId its creator's id, or {@code 0}
     * @param group its group, or {@code null}
     * @param waitingOn what it waits for, or {@code null}
     * @param waited how long it has waited, or {@code null}
     * @param cancelling pending cancellation requests
     * @param stack its stack
     */
    public TaskInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        stack = List.copyOf(stack);
    }
}
