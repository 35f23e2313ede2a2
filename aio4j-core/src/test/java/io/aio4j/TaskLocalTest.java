package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskLocal}: asyncio's {@code contextvars}, copied into each task when it is created.
 */
class TaskLocalTest extends LoopTest {
    private static final TaskLocal<String> USER = TaskLocal.named("user");

    @Test
    void childSeesTheValuesOfItsParentAtCreationNotLaterChanges() {
        run(() -> {
            USER.set("alice");
            Task<String> child = createTask(() -> {
                sleep(Duration.ofMillis(10)); // the parent changes its value meanwhile
                return USER.get();
            });
            USER.set("bob");
            assertThat(await(child)).isEqualTo("alice");
            assertThat(USER.get()).isEqualTo("bob");
        });
    }

    @Test
    void valueSetByAChildIsInvisibleToItsParentAndSiblings() {
        run(() -> {
            USER.set("parent");
            Task<Void> writer = createTask(() -> {
                USER.set("writer");
                sleep(Duration.ofMillis(10));
                record("writer sees " + USER.get());
            });
            Task<Void> sibling = createTask(() -> {
                sleep(Duration.ofMillis(5)); // after the writer's set
                record("sibling sees " + USER.get());
            });
            await(writer);
            await(sibling);
            record("parent sees " + USER.get());
        });
        assertThat(events).containsExactly("sibling sees parent", "writer sees writer", "parent sees parent");
    }

    @Test
    void grandchildInheritsTheValueItsParentSetBeforeCreatingIt() {
        String r = run(() -> {
            USER.set("root");
            return await(createTask(() -> {
                USER.set("middle");
                return await(createTask(USER::get));
            }));
        });
        assertThat(r).isEqualTo("middle");
    }

    @Test
    void unsetValueIsNullOrTheInitialValue() {
        AtomicInteger supplied = new AtomicInteger();
        TaskLocal<Integer> counter = TaskLocal.withInitial("counter", () -> 100 + supplied.incrementAndGet());
        run(() -> {
            assertThat(USER.get()).isNull();
            assertThat(counter.get()).isEqualTo(101);
            assertThat(counter.get()).as("the initial value is not stored").isEqualTo(102);
            counter.set(7);
            assertThat(counter.get()).isEqualTo(7);
            assertThat(await(createTask(counter::get))).isEqualTo(7);
        });
        assertThat(supplied.get()).isEqualTo(2);
    }

    @Test
    void removeBringsBackTheInitialValueForThisTaskOnly() {
        TaskLocal<String> mode = TaskLocal.withInitial("mode", () -> "default");
        run(() -> {
            mode.set("custom");
            Task<String> child = createTask(() -> {
                sleep(Duration.ofMillis(10));
                return mode.get();
            });
            mode.remove();
            assertThat(mode.get()).isEqualTo("default");
            assertThat(await(child)).isEqualTo("custom");
            USER.set("x");
            USER.remove();
            assertThat(USER.get()).isNull();
        });
    }

    @Test
    void settingNullIsAValueNotARemoval() {
        TaskLocal<String> mode = TaskLocal.withInitial("mode", () -> "default");
        run(() -> {
            mode.set(null);
            assertThat(mode.get()).isNull();
            assertThat(await(createTask(mode::get))).isNull();
        });
    }

    @Test
    void valuesSetOutsideTasksAreCopiedIntoTasksCreatedThere() {
        USER.set("test thread");
        try {
            Task<String> t = loop.createTask(() -> {
                String seen = USER.get();
                USER.set("changed in the task");
                return seen;
            });
            assertThat(loop.runUntilComplete(t)).isEqualTo("test thread");
            assertThat(USER.get()).as("the task's set stays in the task").isEqualTo("test thread");

            USER.set("later");
            assertThat(run(USER::get)).isEqualTo("later");
        } finally {
            USER.remove();
        }
        assertThat(USER.get()).isNull();
        assertThat(run(USER::get)).isNull();
    }

    @Test
    void callbacksSeeTheValuesOfTheThreadThatRunsTheLoopNotOfATask() {
        USER.set("loop thread");
        try {
            String[] seen = {null};
            run(() -> {
                USER.set("task");
                Future<Void> f = loop.createFuture();
                loop.callSoon(() -> {
                    seen[0] = USER.get();
                    f.setResult(null);
                });
                await(f);
            });
            // Which thread runs the loop's callbacks differs between the scheduling modes, so the
            // test only checks that a callback does not see the task's value.
            assertThat(seen[0]).isNotEqualTo("task");
        } finally {
            USER.remove();
        }
    }
}
