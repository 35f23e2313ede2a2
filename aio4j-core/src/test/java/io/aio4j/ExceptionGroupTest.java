package io.aio4j;

import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** {@link ExceptionGroup}: its contents, and the helpers that make the common case short. */
class ExceptionGroupTest extends LoopTest {
    private final IllegalStateException state = new IllegalStateException("state");
    private final IOException io = new IOException("io");
    private final FileNotFoundException missing = new FileNotFoundException("missing");
    private final ArithmeticException arithmetic = new ArithmeticException("arithmetic");

    private static ExceptionGroup group(Exception... exceptions) {
        return new ExceptionGroup("errors", List.of(exceptions));
    }

    /** {@code [state, [io, [missing]], arithmetic]}. */
    private ExceptionGroup nested() {
        return group(state, group(io, group(missing)), arithmetic);
    }

    @Test
    void theMessageCountsTheExceptionsAndTheGroupMessageDoesNot() {
        assertThat(group(state).getMessage()).isEqualTo("errors (1 sub-exception)");
        assertThat(group(state, io).getMessage()).isEqualTo("errors (2 sub-exceptions)");
        assertThat(group(state, io).groupMessage()).isEqualTo("errors");
    }

    @Test
    void anEmptyGroupIsRefused() {
        assertThatThrownBy(() -> new ExceptionGroup("none", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionsAreAnUnmodifiableCopyInOrderWithNestedGroupsAsTheyAre() {
        List<Exception> given = new ArrayList<>(List.of(state, io));
        ExceptionGroup eg = new ExceptionGroup("errors", given);
        given.clear();
        assertThat(eg.exceptions()).containsExactly(state, io);
        assertThatThrownBy(() -> eg.exceptions().add(arithmetic)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(nested().exceptions()).hasSize(3).element(1).isInstanceOf(ExceptionGroup.class);
    }

    @Test
    void eachExceptionIsAttachedAsSuppressedSoAPrintedTraceShowsIt() {
        ExceptionGroup eg = group(state, io);
        assertThat(eg.getSuppressed()).containsExactly(state, io);
        StringWriter out = new StringWriter();
        eg.printStackTrace(new PrintWriter(out));
        assertThat(out.toString()).contains("Suppressed: java.lang.IllegalStateException: state",
                "Suppressed: java.io.IOException: io");
    }

    @Test
    void leavesFlattenNestedGroupsDepthFirst() {
        assertThat(nested().leaves()).containsExactly(state, io, missing, arithmetic);
    }

    @Test
    void onlyFindsTheSingleExceptionAlsoThroughNestedGroups() {
        assertThat(group(state).only()).contains(state);
        assertThat(group(group(group(io))).only()).contains(io);
        assertThat(group(state, io).only()).isEmpty();
        assertThat(nested().only()).isEmpty();
    }

    @Test
    void rethrowIfOnlyThrowsASingleUncheckedExceptionAsItself() {
        assertThat(catchThrowable(() -> group(group(state)).rethrowIfOnly())).isSameAs(state);
    }

    @Test
    void rethrowIfOnlyReturnsTheGroupForSeveralOrForACheckedOne() {
        ExceptionGroup several = group(state, arithmetic);
        assertThat(several.rethrowIfOnly()).isSameAs(several);
        ExceptionGroup checked = group(io);
        assertThat(checked.rethrowIfOnly()).isSameAs(checked);
    }

    @Test
    void rethrowIfOnlyWithATypeThrowsASingleCheckedExceptionOfThatType() {
        assertThat(catchThrowable(() -> {
            throw group(missing).rethrowIfOnly(IOException.class);
        })).isSameAs(missing);
        assertThat(catchThrowable(() -> {
            throw group(state).rethrowIfOnly(IOException.class);
        })).as("an unchecked one is thrown too").isSameAs(state);
        ExceptionGroup other = group(new TimeoutException("timeout"));
        assertThat(catchThrowable(() -> {
            throw other.rethrowIfOnly(IOException.class);
        })).as("a checked one of another type: the group").isSameAs(other);
    }

    @Test
    void firstFindsTheFirstExceptionOfATypeHoweverDeepItIsNested() {
        assertThat(nested().first(IOException.class)).contains(io);
        assertThat(nested().first(FileNotFoundException.class)).contains(missing);
        assertThat(nested().first(RuntimeException.class)).contains(state);
        assertThat(nested().first(TimeoutException.class)).isEmpty();
    }

    @Test
    void allAndContainsLookThroughNestedGroupsToo() {
        assertThat(nested().all(IOException.class)).containsExactly(io, missing);
        assertThat(nested().all(RuntimeException.class)).containsExactly(state, arithmetic);
        assertThat(nested().all(TimeoutException.class)).isEmpty();
        assertThat(nested().contains(FileNotFoundException.class)).isTrue();
        assertThat(nested().contains(TimeoutException.class)).isFalse();
    }

    @Test
    void theUsualCatchBlockRethrowsTheOnlyFailureOfATaskGroupAsItself() {
        Throwable thrown = catchThrowable(() -> run(() -> {
            try {
                TaskGroup.run(g -> g.createTask(() -> {
                    sleep(Duration.ofMillis(1));
                    throw new IOException("disk full");
                }));
            } catch (ExceptionGroup failures) {
                throw failures.rethrowIfOnly(IOException.class);
            }
        }));
        // Crossing the boundary of the task that run() started wraps the checked exception once.
        assertThat(thrown).hasRootCauseInstanceOf(IOException.class).hasRootCauseMessage("disk full");
        assertThat(thrown.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void aGroupFromATaskGroupWithSeveralFailuresIsThrownAsTheGroup() {
        Throwable thrown = catchThrowable(() -> run(() -> {
            try {
                TaskGroup.run(g -> {
                    g.createTask(() -> {
                        throw new IllegalStateException("one");
                    });
                    g.createTask(() -> {
                        throw new IllegalStateException("two");
                    });
                });
            } catch (ExceptionGroup failures) {
                throw failures.rethrowIfOnly();
            }
        }));
        assertThat(thrown).isInstanceOf(ExceptionGroup.class);
        assertThat(((ExceptionGroup) thrown).all(IllegalStateException.class)).extracting(Throwable::getMessage)
                .containsExactly("one", "two");
    }
}
