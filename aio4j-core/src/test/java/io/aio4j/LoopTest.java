package io.aio4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.internal.task.VirtualTimeLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the loop tests: a fresh loop on virtual time (autojump on) per test, a list of recorded
 * events for ordering stories, the exception handler's reports, and a leak check at the end (every
 * task done, the loop closed).
 */
public abstract class LoopTest {
    protected VirtualTimeLoop loop;
    /** Events recorded by the test, in the order they happened. */
    protected final List<Object> events = Collections.synchronizedList(new ArrayList<>());
    /** What the loop reported to its exception handler. */
    protected final List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void createLoop() {
        loop = new VirtualTimeLoop(LoopOptions.defaults().withName(getClass().getSimpleName()), true);
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    @AfterEach
    void closeLoopAndCheckForLeaks() {
        if (loop.isClosed()) {
            return;
        }
        List<Task<?>> left = List.copyOf(loop.allTasks());
        for (Task<?> t : left) {
            t.cancel();
        }
        loop.runUntilIdle();
        assertThat(loop.allTasks()).as("tasks left running by the test").isEmpty();
        loop.close();
        assertThat(left).as("tasks the test left pending").isEmpty();
    }

    /** Runs {@code body} as a task until done, in virtual time; returns its result. */
    protected <T> T run(AsyncCallable<T> body) {
        return loop.runTask(body);
    }

    /** Runs a void {@code body} as a task until done, in virtual time. */
    protected void run(AsyncRunnable body) {
        loop.runTask(body.asCallable());
    }

    /** Records an event. */
    protected void record(Object event) {
        events.add(event);
    }

    /** Virtual time in milliseconds since the loop was made. */
    protected long nowMillis() {
        return loop.time() / 1_000_000;
    }
}
