package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.currentTask;
import static io.aio4j.Aio.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ASYNCIO-SEMANTICS §3.6, TaskGroup: one or more tests per spec, translated from CPython's
 * {@code test_taskgroups.py}. {@code async with TaskGroup() as g: body} is
 * {@code TaskGroup.run(g -> body)}; Python's {@code ZeroDivisionError} is an
 * {@link ArithmeticException}, {@code KeyboardInterrupt} an {@link Error}.
 */
class TaskGroupSpecTest extends LoopTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** The types of the exceptions directly in a group (CPython's {@code get_error_types}). */
    static Set<Class<?>> errorTypes(ExceptionGroup eg) {
        return eg.exceptions().stream().map(Object::getClass).collect(Collectors.toSet());
    }

    /** Sleeps, then divides by zero. */
    private static int crashAfter(long millis) {
        sleep(ms(millis));
        return 1 / zero();
    }

    private static int zero() {
        return 0;
    }

    /** Sleeps long, and divides by zero in {@code finally}, also when cancelled. */
    private static void raiseInFinally() {
        try {
            sleep(Duration.ofSeconds(10));
        } finally {
            int unused = 1 / zero();
        }
    }

    // ================================================================== spec 36

    // ASYNCIO-SEMANTICS §3.6 spec 36 (test_taskgroup_01)
    @Test
    void leavingTheBlockWaitsForAllChildrenAndTheirResultsAreThere() {
        List<Task<Integer>> tasks = new ArrayList<>();
        run(() -> {
            TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> {
                    sleep(ms(100));
                    return 42;
                }));
                tasks.add(g.createTask(() -> {
                    sleep(ms(200));
                    return 11;
                }));
                record("body done");
            });
            record("after the block at " + nowMillis());
        });
        assertThat(tasks.get(0).result()).isEqualTo(42);
        assertThat(tasks.get(1).result()).isEqualTo(11);
        assertThat(events).containsExactly("body done", "after the block at 200");
    }

    // ASYNCIO-SEMANTICS §3.6 spec 36 (test_taskgroup_02)
    @Test
    void aChildCreatedAfterADelayIsAlsoAwaited() {
        List<Task<Integer>> tasks = new ArrayList<>();
        run(() -> {
            TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> {
                    sleep(ms(100));
                    return 42;
                }));
                sleep(ms(150));
                tasks.add(g.createTask(() -> {
                    sleep(ms(200));
                    return 11;
                }));
            });
            assertThat(nowMillis()).isEqualTo(350);
        });
        assertThat(tasks).extracting(Task::result).containsExactly(42, 11);
    }

    // ASYNCIO-SEMANTICS §3.6 spec 36: a child created by a child while the block waits
    @Test
    void aChildCreatedByAnotherChildWhileTheBlockWaitsIsAlsoAwaited() {
        run(() -> {
            TaskGroup.run(g -> g.createTask(() -> {
                sleep(ms(10));
                g.createTask(() -> {
                    sleep(ms(100));
                    record("grandchild done");
                });
            }));
            record("block left at " + nowMillis());
        });
        assertThat(events).containsExactly("grandchild done", "block left at 110");
    }

    // ASYNCIO-SEMANTICS §3.6 spec 36: call() returns the body's value once the children are done
    @Test
    void callReturnsTheBodysValueAfterTheChildrenAreDone() {
        int sum = run(() -> {
            List<Task<Integer>> tasks = TaskGroup.call(g -> List.of(
                    g.createTask(() -> {
                        sleep(ms(10));
                        return 1;
                    }),
                    g.createTask(() -> {
                        sleep(ms(20));
                        return 2;
                    })));
            return tasks.get(0).result() + tasks.get(1).result(); // done: result() does not wait
        });
        assertThat(sum).isEqualTo(3);
        assertThat(nowMillis()).isEqualTo(20);
    }

    // ================================================================== spec 37

    // ASYNCIO-SEMANTICS §3.6 spec 37 (test_taskgroup_03)
    @Test
    void cancellingOneChildExplicitlyDoesNotAffectTheGroupOrItsSiblings() {
        List<Task<Integer>> tasks = new ArrayList<>();
        run(() -> {
            TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> {
                    sleep(ms(1000));
                    return 42;
                }));
                sleep(ms(150));
                tasks.get(0).cancel(); // everything should go on as expected
                tasks.add(g.createTask(() -> {
                    sleep(ms(200));
                    return 11;
                }));
                sleep(ms(1));
                record("body carried on");
            });
            record("after the block");
        });
        assertThat(tasks.get(0).cancelled()).isTrue();
        assertThat(tasks.get(1).result()).isEqualTo(11);
        assertThat(events).containsExactly("body carried on", "after the block");
        assertThat(nowMillis()).isEqualTo(350);
    }

    // ================================================================== spec 38

    // ASYNCIO-SEMANTICS §3.6 spec 38 (test_taskgroup_04)
    @Test
    void aFailingChildCancelsItsSiblingAndTheBodyAndTheCodeAfterTheBlockDoesNotRun() {
        List<Task<Void>> t2 = new ArrayList<>();
        run(() -> {
            Task<Void> runner = createTask(() -> {
                TaskGroup.run(g -> {
                    g.createTask(() -> crashAfter(100));
                    t2.add(g.createTask(() -> {
                        try {
                            sleep(ms(1000));
                        } catch (CancelledError e) {
                            record("t2 cancelled");
                            throw e;
                        }
                        record("t2 finished");
                    }));
                    try {
                        sleep(ms(1000));
                    } catch (CancelledError e) {
                        record("body cancelled at " + nowMillis());
                        throw e;
                    }
                });
                record("after the block");
            });
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> await(runner));
            assertThat(errorTypes(eg)).containsExactly(ArithmeticException.class);
        });
        assertThat(events).containsExactlyInAnyOrder("t2 cancelled", "body cancelled at 100");
        assertThat(t2.get(0).cancelled()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.6 spec 38 (test_taskgroup_05, test_cancel_children_on_child_error)
    @Test
    void threeFailingChildrenGiveAGroupOfOnlyTheirErrorsNeverACancellation() {
        run(() -> {
            List<Task<?>> tasks = new ArrayList<>();
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> crashAfter(100)));
                tasks.add(g.createTask(() -> crashAfter(100)));
                tasks.add(g.createTask(() -> crashAfter(100)));
                tasks.add(g.createTask(() -> sleep(Duration.ofSeconds(5))));
                sleep(Duration.ofSeconds(5));
            }));
            assertThat(eg.exceptions()).hasSize(3).allMatch(e -> e instanceof ArithmeticException);
            assertThat(eg.getMessage()).isEqualTo("unhandled errors in a TaskGroup (3 sub-exceptions)");
            assertThat(tasks.get(3).cancelled()).isTrue();
            assertThat(nowMillis()).isEqualTo(100);
            // The group took back its own cancellation of this task: it can wait again.
            assertThat(currentTask().cancelling()).isZero();
            sleep(ms(10));
            record("waited again");
        });
        assertThat(events).containsExactly("waited again");
    }

    // ASYNCIO-SEMANTICS §3.6 spec 38: a checked exception of a child is kept as it was thrown
    @Test
    void aChildsCheckedExceptionIsInTheGroupUnwrapped() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> g.createTask(() -> {
                throw new java.io.IOException("disk");
            })));
            assertThat(eg.exceptions()).singleElement().isInstanceOf(java.io.IOException.class);
        });
    }

    // ================================================================== spec 39

    // ASYNCIO-SEMANTICS §3.6 spec 39 (test_taskgroup_09)
    @Test
    void anExceptionInTheBodyCancelsTheChildrenAndIsRaisedInsideAGroup() {
        List<Task<Integer>> tasks = new ArrayList<>();
        run(() -> {
            ArithmeticException bodyError = new ArithmeticException("body");
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> {
                    sleep(ms(1000));
                    return 42;
                }));
                tasks.add(g.createTask(() -> {
                    sleep(ms(2000));
                    return 11;
                }));
                sleep(ms(100));
                throw bodyError;
            }));
            assertThat(eg.exceptions()).containsExactly(bodyError);
            assertThat(nowMillis()).isEqualTo(100);
        });
        assertThat(tasks).allMatch(Task::cancelled);
    }

    // ASYNCIO-SEMANTICS §3.6 spec 39 (test_taskgroup_10)
    @Test
    void anExceptionInTheBodyBeforeAnyWaitCancelsChildrenThatNeverStarted() {
        List<Task<Integer>> tasks = new ArrayList<>();
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> {
                    record("child started");
                    return 42;
                }));
                int unused = 1 / zero();
            }));
            assertThat(errorTypes(eg)).containsExactly(ArithmeticException.class);
        });
        assertThat(tasks.get(0).cancelled()).isTrue();
        assertThat(events).isEmpty();
    }

    // ASYNCIO-SEMANTICS §3.6 spec 39: the body's exception comes after the children's failures
    @Test
    void theBodysExceptionIsTheLastInTheGroup() {
        run(() -> {
            IllegalStateException bodyError = new IllegalStateException("body, in finally");
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> crashAfter(10));
                try {
                    sleep(ms(100));
                } finally {
                    throw bodyError;
                }
            }));
            assertThat(eg.exceptions()).hasSize(2).last().isSameAs(bodyError);
            assertThat(eg.exceptions().get(0)).isInstanceOf(ArithmeticException.class);
        });
    }

    // ================================================================== spec 40

    // ASYNCIO-SEMANTICS §3.6 spec 40 (test_cancellation)
    @Test
    void cancellingTheTaskRunningTheGroupCancelsEveryChildAndRaisesCancelledError() {
        List<Integer> log = new ArrayList<>();
        run(() -> {
            Task<Void> r = createTask(() -> TaskGroup.run(g -> {
                for (int i = 1; i <= 5; i++) {
                    int delay = i;
                    g.createTask(() -> {
                        try {
                            sleep(Duration.ofSeconds(delay));
                        } catch (CancelledError e) {
                            log.add(delay);
                            throw e;
                        }
                    });
                }
            }));
            sleep(ms(100));
            assertThat(r.done()).isFalse();
            r.cancel();
            assertThatThrownBy(() -> await(r)).isExactlyInstanceOf(CancelledError.class);
            assertThat(r.cancelled()).isTrue();
        });
        assertThat(log).containsExactly(1, 2, 3, 4, 5);
    }

    // ASYNCIO-SEMANTICS §3.6 spec 40: the cancellation reaches the body at its wait too
    @Test
    void cancellingTheTaskRunningTheGroupCancelsTheBodyAndKeepsTheMessage() {
        run(() -> {
            Task<Void> r = createTask(() -> TaskGroup.run(g -> {
                g.createTask(() -> sleep(Duration.ofSeconds(10)));
                try {
                    sleep(Duration.ofSeconds(10));
                } catch (CancelledError e) {
                    record("body cancelled: " + e.getMessage());
                    throw e;
                }
            }));
            sleep(ms(100));
            r.cancel("stop");
            assertThatThrownBy(() -> await(r)).isInstanceOf(CancelledError.class).hasMessage("stop");
        });
        assertThat(events).containsExactly("body cancelled: stop");
    }

    // ASYNCIO-SEMANTICS §3.6 spec 40 (test_taskgroup_07)
    @Test
    void childrenRaisingInFinallyWhileCancelledGiveAGroupInsteadOfCancelledError() {
        run(() -> {
            Task<Void> r = createTask(() -> TaskGroup.run(g -> {
                for (int i = 0; i < 5; i++) {
                    g.createTask(TaskGroupSpecTest::raiseInFinally);
                }
                try {
                    sleep(Duration.ofSeconds(10));
                } catch (CancelledError e) {
                    throw e;
                }
            }));
            sleep(ms(100));
            assertThat(r.done()).isFalse();
            r.cancel();
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> await(r));
            assertThat(eg.exceptions()).hasSize(5);
            assertThat(errorTypes(eg)).containsExactly(ArithmeticException.class);
        });
    }

    // ASYNCIO-SEMANTICS §3.6 spec 40 (test_taskgroup_08): the outside cancellation stays pending
    @Test
    void afterTheGroupOfFinallyErrorsTheOutsideCancellationIsDeliveredAtTheNextWait() {
        run(() -> {
            Task<Void> r = createTask(() -> {
                try {
                    TaskGroup.run(g -> {
                        for (int i = 0; i < 5; i++) {
                            g.createTask(TaskGroupSpecTest::raiseInFinally);
                        }
                        sleep(Duration.ofSeconds(10));
                    });
                } catch (ExceptionGroup eg) {
                    record("group of " + eg.exceptions().size() + ", cancelling=" + currentTask().cancelling());
                }
                try {
                    sleep(ms(1));
                    record("slept");
                } catch (CancelledError e) {
                    record("cancelled again");
                    throw e;
                }
            });
            sleep(ms(100));
            r.cancel();
            assertThatThrownBy(() -> await(r)).isInstanceOf(CancelledError.class);
        });
        assertThat(events).containsExactly("group of 5, cancelling=1", "cancelled again");
    }

    // ================================================================== spec 41

    // ASYNCIO-SEMANTICS §3.6 spec 41 (test_taskgroup_11)
    @Test
    void anInnerGroupsErrorsReachTheOuterCallerAsAGroupInAGroup() {
        run(() -> {
            Task<Void> r = createTask(() -> TaskGroup.run(g1 -> TaskGroup.run(g2 -> {
                for (int i = 0; i < 5; i++) {
                    g2.createTask(TaskGroupSpecTest::raiseInFinally);
                }
                sleep(Duration.ofSeconds(10));
            })));
            sleep(ms(100));
            r.cancel();
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> await(r));
            assertThat(errorTypes(eg)).containsExactly(ExceptionGroup.class);
            assertThat(errorTypes((ExceptionGroup) eg.exceptions().get(0))).containsExactly(ArithmeticException.class);
        });
    }

    // ASYNCIO-SEMANTICS §3.6 spec 41 (test_taskgroup_12)
    @Test
    void anInnerGroupNextToAnOuterChildGivesAGroupInAGroupWhenCancelled() {
        run(() -> {
            Task<Void> r = createTask(() -> TaskGroup.run(g1 -> {
                g1.createTask(() -> sleep(Duration.ofSeconds(10)));
                TaskGroup.run(g2 -> {
                    for (int i = 0; i < 5; i++) {
                        g2.createTask(TaskGroupSpecTest::raiseInFinally);
                    }
                    sleep(Duration.ofSeconds(10));
                });
            }));
            sleep(ms(100));
            r.cancel();
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> await(r));
            assertThat(errorTypes(eg)).containsExactly(ExceptionGroup.class);
            assertThat(errorTypes((ExceptionGroup) eg.exceptions().get(0))).containsExactly(ArithmeticException.class);
        });
    }

    // ASYNCIO-SEMANTICS §3.6 spec 41 (test_taskgroup_13)
    @Test
    void anOuterChildFailingWhileTheInnerBlockWaitsGivesAFlatGroup() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g1 -> {
                g1.createTask(() -> crashAfter(100));
                TaskGroup.run(g2 -> g2.createTask(() -> crashAfter(10_000)));
            }));
            assertThat(errorTypes(eg)).containsExactly(ArithmeticException.class);
            assertThat(nowMillis()).isEqualTo(100);
            assertThat(currentTask().cancelling()).isZero();
        });
    }

    // ASYNCIO-SEMANTICS §3.6 spec 41 (test_taskgroup_14)
    @Test
    void anInnerChildFailingGivesTheOuterCallerAGroupInAGroup() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g1 -> {
                g1.createTask(() -> crashAfter(10_000));
                TaskGroup.run(g2 -> g2.createTask(() -> crashAfter(100)));
            }));
            assertThat(errorTypes(eg)).containsExactly(ExceptionGroup.class);
            ExceptionGroup inner = (ExceptionGroup) eg.exceptions().get(0);
            assertThat(errorTypes(inner)).containsExactly(ArithmeticException.class);
            assertThat(eg.leaves()).singleElement().isInstanceOf(ArithmeticException.class);
            assertThat(nowMillis()).isEqualTo(100);
            assertThat(currentTask().cancelling()).isZero();
        });
    }

    // ================================================================== spec 42

    /** An Error of the test's own, standing in for {@code KeyboardInterrupt}. */
    static final class Fatal extends Error {
        Fatal(String message) {
            super(message);
        }
    }

    // ASYNCIO-SEMANTICS §3.6 spec 42 (test_taskgroup_20, _20a): an Error in the body propagates as itself
    @Test
    void anErrorRaisedInTheBodyWhileBeingCancelledPropagatesAsItselfNotInAGroup() {
        run(() -> {
            Fatal fatal = new Fatal("like KeyboardInterrupt");
            Throwable thrown = catchThrowableOfType(Fatal.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> crashAfter(100));
                try {
                    sleep(Duration.ofSeconds(10));
                } finally {
                    throw fatal;
                }
            }));
            assertThat(thrown).isSameAs(fatal);
            assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(ArithmeticException.class);
            assertThat(currentTask().cancelling()).isZero();
        });
    }

    // ASYNCIO-SEMANTICS §3.6 spec 42 (test_taskgroup_21a): an Error in a child propagates as itself
    @Test
    void anErrorInAChildCancelsTheRestAndPropagatesAsItself() {
        run(() -> {
            List<Task<?>> tasks = new ArrayList<>();
            StackOverflowError soe = new StackOverflowError("simulated");
            Throwable thrown = catchThrowableOfType(StackOverflowError.class, () -> TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> {
                    sleep(ms(100));
                    throw soe;
                }));
                tasks.add(g.createTask(() -> sleep(Duration.ofSeconds(10))));
                sleep(Duration.ofSeconds(10));
                record("body went on");
            }));
            assertThat(thrown).isSameAs(soe);
            assertThat(tasks.get(1).cancelled()).isTrue();
            assertThat(nowMillis()).isEqualTo(100);
        });
        assertThat(events).isEmpty();
    }

    // ASYNCIO-SEMANTICS §3.6 spec 42: an AssertionError is not hidden in a group either
    @Test
    void anAssertionErrorInAChildIsThrownAsItselfWithTheOtherFailuresSuppressed() {
        run(() -> {
            AssertionError failed = catchThrowableOfType(AssertionError.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> crashAfter(10));
                g.createTask(() -> {
                    sleep(ms(10));
                    throw new AssertionError("expected 1 but was 2");
                });
            }));
            assertThat(failed).hasMessage("expected 1 but was 2");
            assertThat(failed.getSuppressed()).singleElement().isInstanceOf(ArithmeticException.class);
        });
    }

    // ASYNCIO-SEMANTICS §3.6 spec 42: InterruptedException is fatal too, wrapped once as checked
    @Test
    void anInterruptedExceptionInAChildCancelsTheRestAndArrivesInACompletionExceptionNotAGroup() {
        run(() -> {
            List<Task<?>> tasks = new ArrayList<>();
            InterruptedException ie = new InterruptedException("interrupted");
            CompletionException thrown = catchThrowableOfType(CompletionException.class, () -> TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> sleep(Duration.ofSeconds(10))));
                tasks.add(g.createTask(() -> {
                    sleep(ms(10));
                    throw ie;
                }));
            }));
            assertThat(thrown).isNotInstanceOf(ExceptionGroup.class).hasCause(ie);
            assertThat(thrown.getCause()).isSameAs(ie);
            assertThat(tasks.get(0).cancelled()).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).as("the task's interrupt status stays clear").isFalse();
        });
    }

    // ASYNCIO-SEMANTICS §3.6 spec 42: the same for an InterruptedException thrown by the body
    @Test
    void anInterruptedExceptionInTheBodyArrivesInACompletionException() {
        run(() -> {
            Task<?>[] child = new Task<?>[1];
            CompletionException thrown = catchThrowableOfType(CompletionException.class, () -> TaskGroup.run(g -> {
                child[0] = g.createTask(() -> sleep(Duration.ofSeconds(10)));
                sleep(ms(10));
                throw new InterruptedException("body");
            }));
            assertThat(thrown.getCause()).isInstanceOf(InterruptedException.class).hasMessage("body");
            assertThat(child[0].cancelled()).isTrue();
        });
    }

    // ================================================================== spec 43

    // ASYNCIO-SEMANTICS §3.6 spec 43 (test_taskgroup_no_create_task_after_failure)
    @Test
    void aGroupThatIsFailingRefusesNewTasks() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> crashAfter(1));
                g.createTask(() -> {
                    try {
                        sleep(Duration.ofSeconds(1));
                    } catch (CancelledError e) {
                        assertThatThrownBy(() -> g.createTask(() -> crashAfter(1)))
                                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
                        record("refused");
                    }
                });
            }));
            assertThat(errorTypes(eg)).containsExactly(ArithmeticException.class);
        });
        assertThat(events).containsExactly("refused");
    }

    // ASYNCIO-SEMANTICS §3.6 spec 43: the body is refused too, once it has been cancelled
    @Test
    void theBodyOfAFailingGroupIsRefusedNewTasks() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> crashAfter(1));
                try {
                    sleep(Duration.ofSeconds(1));
                } catch (CancelledError e) {
                    g.createTask(() -> record("never runs"));
                }
            }));
            assertThat(eg.exceptions()).hasSize(2);
            assertThat(eg.exceptions().get(1)).isInstanceOf(IllegalStateException.class);
        });
        assertThat(events).isEmpty();
    }
}
