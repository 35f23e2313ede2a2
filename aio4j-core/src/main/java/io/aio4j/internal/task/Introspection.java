package io.aio4j.internal.task;

import io.aio4j.LoopSnapshot;
import io.aio4j.TaskInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Takes {@link LoopSnapshot}s: on the loop's thread when it can, from outside when the loop is stuck. */
final class Introspection {
    /** How long another thread waits for a busy loop to take its own snapshot. */
    private static final long ANSWER_MILLIS = 1000;

    private Introspection() {}

    static LoopSnapshot snapshot(TaskLoop loop) {
        if (loop.isClosed()) {
            return build(loop, true);
        }
        if (loop.owner() == null || loop.inLoopThread()) {
            return build(loop, true); // on the loop, or the loop is not running: nothing changes under us
        }
        CompletableFuture<LoopSnapshot> answer = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> answer.complete(build(loop, true)));
            return answer.get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | IllegalStateException e) { // IllegalStateException: the loop closed meanwhile
            return build(loop, false); // blocked (or just closed): read it from here, as the watchdog does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return build(loop, false);
        } catch (ExecutionException e) {
            throw new IllegalStateException("taking a snapshot of event loop '" + loop.name() + "' failed", e.getCause());
        }
    }

    private static LoopSnapshot build(TaskLoop loop, boolean complete) {
        List<TaskImpl<?>> tasks = new ArrayList<>(loop.taskList());
        tasks.removeIf(TaskImpl::done);
        tasks.sort(Comparator.comparingLong(TaskImpl::id));
        long now = loop.time();
        Thread me = Thread.currentThread();
        List<TaskInfo> infos = new ArrayList<>(tasks.size());
        for (TaskImpl<?> t : tasks) {
            infos.add(info(t, now, me));
        }
        Thread owner = loop.owner();
        return new LoopSnapshot(loop.name(), loop.id(), owner == null ? null : owner.getName(), Instant.now(), complete,
                loop.statisticsNow(), infos, loop.watchdogReports());
    }

    private static TaskInfo info(TaskImpl<?> t, long now, Thread me) {
        Object w = t.waitingOn();
        TaskInfo.State state;
        if (t.thread == me) {
            state = TaskInfo.State.RUNNING;
        } else if (w != null && !t.woken()) {
            state = TaskInfo.State.WAITING;
        } else {
            state = TaskInfo.State.READY;
        }
        String waitingOn = null;
        Duration waited = null;
        if (state == TaskInfo.State.WAITING) {
            try {
                waitingOn = w instanceof FutureImpl<?> f ? f.describeWait() : ((ParkedTask) w).describeWait();
            } catch (RuntimeException raced) { // read from outside a blocked loop
                waitingOn = String.valueOf(w.getClass().getSimpleName());
            }
            waited = Duration.ofNanos(Math.max(0, now - t.waitSince));
        }
        List<StackTraceElement> stack = state == TaskInfo.State.RUNNING ? List.of() : Arrays.asList(t.stack());
        TaskImpl<?> parent = t.parent;
        return new TaskInfo(t.id(), t.name(), state, parent == null ? 0 : parent.id(), t.groupLabel(), waitingOn, waited,
                t.cancelling(), stack);
    }
}
