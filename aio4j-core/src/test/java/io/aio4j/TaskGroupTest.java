package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.currentTask;
import static io.aio4j.Aio.sleep;
import static io.aio4j.Aio.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskGroup} beyond asyncio 3.11: {@link TaskGroup#cancel()} (asyncio 3.15), the
 * supervisor variant (kotlinx's {@code supervisorScope}), refusing tasks once done, and how a group
 * composes with timeouts and the loop's exception handler.
 */
class TaskGroupTest extends LoopTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static int crashAfter(long millis) {
        sleep(ms(millis));
        throw new ArithmeticException("crash after " + millis);
    }

    /** Sleeps, recording whether it finished or was cancelled. */
    private Task<Void> sleeper(TaskGroup g, String name, long millis) {
        return g.createTask(() -> {
            try {
                sleep(ms(millis));
                record(name + " finished at " + nowMillis());
            } catch (CancelledError e) {
                record(name + " cancelled at " + nowMillis());
                throw e;
            }
        }, name);
    }

    // ================================================================== cancel()

    @Test
    void cancelFromAChildCancelsTheBodyAndTheSiblingsAndTheBlockEndsNormally() {
        run(() -> {
            TaskGroup.run(g -> {
                sleeper(g, "sibling", 10_000);
                g.createTask(() -> {
                    sleep(ms(100));
                    g.cancel(); // the goal is reached
                });
                try {
                    sleep(ms(10_000));
                } catch (CancelledError e) {
                    record("body cancelled at " + nowMillis());
                    throw e;
                }
            });
            record("after the block, cancelling=" + currentTask().cancelling());
            sleep(ms(1));
            record("waited again");
        });
        assertThat(events).containsExactlyInAnyOrder("sibling cancelled at 100", "body cancelled at 100",
                "after the block, cancelling=0", "waited again");
        assertThat(events.subList(2, 4)).containsExactly("after the block, cancelling=0", "waited again");
    }

    @Test
    void cancelFromTheBodyWithoutWaitingCancelsTheChildrenAndTheBodysValueIsReturned() {
        String r = run(() -> {
            String value = TaskGroup.call(g -> {
                sleeper(g, "child", 10_000);
                sleep(ms(1)); // lets the child start
                g.cancel();
                return "body's value";
            });
            assertThat(currentTask().cancelling()).isZero();
            sleep(ms(5)); // the group's request was taken back: this wait is not cancelled
            return value;
        });
        assertThat(r).isEqualTo("body's value");
        assertThat(events).containsExactly("child cancelled at 1");
        assertThat(nowMillis()).isEqualTo(6);
    }

    @Test
    void callReturnsNullWhenCancelStoppedTheBodyBeforeItReturned() {
        String r = run(() -> TaskGroup.call(g -> {
            g.createTask(() -> {
                sleep(ms(10));
                g.cancel();
            });
            sleep(ms(10_000));
            return "unreachable";
        }));
        assertThat(r).isNull();
        assertThat(nowMillis()).isEqualTo(10);
    }

    @Test
    void cancelWhileTheBlockWaitsForChildrenStopsTheRestAndKeepsTheBodysValue() {
        int r = run(() -> TaskGroup.call(g -> {
            sleeper(g, "slow", 10_000);
            g.createTask(() -> {
                sleep(ms(50));
                g.cancel();
            });
            return 42; // the body is done; the group now waits for its children
        }));
        assertThat(r).isEqualTo(42);
        assertThat(events).containsExactly("slow cancelled at 50");
    }

    @Test
    void cancelFromALoopCallbackWorksToo() {
        run(() -> TaskGroup.run(g -> {
            sleeper(g, "child", 10_000);
            loop.callLater(ms(30), g::cancel);
            sleep(ms(10_000));
        }));
        assertThat(events).containsExactly("child cancelled at 30");
    }

    @Test
    void failuresInFinallyAfterCancelStillSurfaceAsAGroup() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> {
                    try {
                        sleep(ms(10_000));
                    } finally {
                        throw new IllegalStateException("cleanup failed");
                    }
                });
                sleep(ms(10));
                g.cancel();
                sleep(ms(10_000));
            }));
            assertThat(eg.exceptions()).singleElement().isInstanceOf(IllegalStateException.class);
            assertThat(currentTask().cancelling()).isZero();
        });
    }

    @Test
    void aCancellationFromOutsideStillPropagatesWhenTheGroupWasAlsoCancelled() {
        run(() -> {
            Task<Void> r = createTask(() -> TaskGroup.run(g -> {
                g.createTask(() -> {
                    try {
                        sleep(ms(10_000));
                    } finally {
                        g.cancel(); // while the outside cancellation is under way
                    }
                });
                sleep(ms(10_000));
            }));
            sleep(ms(50));
            r.cancel("from outside");
            assertThatThrownBy(() -> await(r)).isExactlyInstanceOf(CancelledError.class).hasMessage("from outside");
        });
    }

    @Test
    void aCancelledGroupRefusesNewTasks() {
        run(() -> TaskGroup.run(g -> {
            g.cancel();
            assertThatThrownBy(() -> g.createTask(() -> record("never")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
        }));
        assertThat(events).isEmpty();
    }

    @Test
    void cancelIsIdempotentAndDoesNothingOnceTheGroupIsDone() {
        TaskGroup[] kept = new TaskGroup[1];
        run(() -> {
            TaskGroup.run(g -> {
                kept[0] = g;
                sleeper(g, "child", 10_000);
                sleep(ms(1));
                g.cancel();
                g.cancel();
                assertThat(currentTask().cancelling()).isEqualTo(1);
            });
            kept[0].cancel();
            assertThat(currentTask().cancelling()).isZero();
            sleep(ms(1));
            record("not cancelled");
        });
        assertThat(events).containsExactly("child cancelled at 1", "not cancelled");
    }

    // ================================================================== supervisor

    @Test
    void aFailingChildOfASupervisorCancelsNeitherItsSiblingsNorTheBody() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.supervise(g -> {
                assertThat(g.supervisor()).isTrue();
                g.createTask(() -> crashAfter(10));
                sleeper(g, "sibling", 100);
                sleep(ms(50));
                record("body finished at " + nowMillis());
            }));
            assertThat(eg.exceptions()).singleElement().isInstanceOf(ArithmeticException.class);
            assertThat(nowMillis()).isEqualTo(100);
            assertThat(currentTask().cancelling()).isZero();
        });
        assertThat(events).containsExactly("body finished at 50", "sibling finished at 100");
    }

    @Test
    void aSupervisorRaisesEveryFailureTogetherAtTheEndInTheOrderTheyHappened() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.supervise(g -> {
                g.createTask(() -> crashAfter(30));
                g.createTask(() -> crashAfter(10));
                g.createTask(() -> crashAfter(20));
            }));
            assertThat(eg.exceptions()).extracting(Throwable::getMessage)
                    .containsExactly("crash after 10", "crash after 20", "crash after 30");
        });
    }

    @Test
    void aSupervisorStillAcceptsNewTasksAfterAFailure() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.supervise(g -> {
                g.createTask(() -> crashAfter(10));
                sleep(ms(20));
                sleeper(g, "late", 10);
            }));
            assertThat(eg.exceptions()).hasSize(1);
        });
        assertThat(events).containsExactly("late finished at 30");
    }

    @Test
    void aSupervisorWhoseChildrenSucceedReturnsTheBodysValue() {
        int r = run(() -> TaskGroup.superviseCall(g -> {
            Task<Integer> a = g.createTask(() -> {
                sleep(ms(10));
                return 40;
            });
            return await(a) + 2;
        }));
        assertThat(r).isEqualTo(42);
    }

    @Test
    void theBodysExceptionCancelsTheChildrenOfASupervisor() {
        run(() -> {
            IllegalStateException bodyError = new IllegalStateException("body");
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.supervise(g -> {
                sleeper(g, "child", 10_000);
                sleep(ms(10));
                throw bodyError;
            }));
            assertThat(eg.exceptions()).containsExactly(bodyError);
        });
        assertThat(events).containsExactly("child cancelled at 10");
    }

    @Test
    void cancellingTheTaskRunningASupervisorCancelsItsChildren() {
        run(() -> {
            Task<Void> r = createTask(() -> TaskGroup.supervise(g -> {
                sleeper(g, "a", 10_000);
                sleeper(g, "b", 10_000);
            }));
            sleep(ms(10));
            r.cancel();
            assertThatThrownBy(() -> await(r)).isExactlyInstanceOf(CancelledError.class);
        });
        assertThat(events).containsExactlyInAnyOrder("a cancelled at 10", "b cancelled at 10");
    }

    @Test
    void anErrorInASupervisorsChildStillCancelsEverything() {
        run(() -> {
            AssertionError failed = catchThrowableOfType(AssertionError.class, () -> TaskGroup.supervise(g -> {
                sleeper(g, "sibling", 10_000);
                g.createTask(() -> {
                    sleep(ms(10));
                    throw new AssertionError("fatal");
                });
                sleep(ms(10_000));
            }));
            assertThat(failed).hasMessage("fatal");
        });
        assertThat(events).containsExactly("sibling cancelled at 10");
    }

    @Test
    void cancelStopsASupervisorAndItEndsNormally() {
        run(() -> TaskGroup.supervise(g -> {
            sleeper(g, "child", 10_000);
            g.createTask(() -> {
                sleep(ms(10));
                g.cancel();
            });
        }));
        assertThat(events).containsExactly("child cancelled at 10");
    }

    // ================================================================== refusing tasks, misuse

    @Test
    void aGroupThatIsDoneRefusesNewTasks() {
        TaskGroup[] kept = new TaskGroup[1];
        run(() -> {
            TaskGroup.run(g -> {
                kept[0] = g;
                g.createTask(() -> sleep(ms(10)));
            });
            assertThatThrownBy(() -> kept[0].createTask(() -> record("never")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is finished");
        });
        assertThat(kept[0].toString()).startsWith("<TaskGroup done");
        assertThat(events).isEmpty();
    }

    @Test
    void runOutsideATaskSaysWhatToDoInstead() {
        assertThatThrownBy(() -> TaskGroup.run(g -> {}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Aio.run(");
    }

    @Test
    void childrenGetTheNamesTheyAreGivenAndTheGroupShowsItsState() {
        run(() -> TaskGroup.run(g -> {
            Task<Void> a = g.createTask(() -> sleep(ms(1)), "worker-1");
            Task<Integer> b = g.createTask(() -> 2, "worker-2");
            assertThat(a.name()).isEqualTo("worker-1");
            assertThat(b.name()).isEqualTo("worker-2");
            assertThat(g.toString()).isEqualTo("<TaskGroup body tasks=2 parent='" + currentTask().name() + "'>");
        }));
    }

    // ================================================================== composition

    @Test
    void aTimeoutAroundAGroupCancelsItsChildrenAndRaisesDeadlineExceeded() {
        run(() -> {
            assertThatThrownBy(() -> withTimeout(ms(20), () -> TaskGroup.run(g -> {
                sleeper(g, "a", 10_000);
                sleeper(g, "b", 10_000);
            }))).isInstanceOf(DeadlineExceededException.class);
            assertThat(currentTask().cancelling()).isZero();
        });
        assertThat(events).containsExactlyInAnyOrder("a cancelled at 20", "b cancelled at 20");
    }

    @Test
    void aTimeoutInsideAChildIsThatChildsFailure() {
        run(() -> {
            ExceptionGroup eg = catchThrowableOfType(ExceptionGroup.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> withTimeout(ms(10), () -> sleep(ms(10_000))));
                sleeper(g, "sibling", 10_000);
            }));
            assertThat(eg.first(DeadlineExceededException.class)).isPresent();
        });
        assertThat(events).containsExactly("sibling cancelled at 10");
    }

    @Test
    void failuresTheGroupCollectedAreNotReportedAsNeverRetrieved() {
        run(() -> {
            List<Task<?>> tasks = new ArrayList<>();
            assertThatThrownBy(() -> TaskGroup.run(g -> {
                tasks.add(g.createTask(() -> crashAfter(1)));
                tasks.add(g.createTask(() -> crashAfter(1)));
            })).isInstanceOf(ExceptionGroup.class);
        });
        loop.close();
        assertThat(reports).isEmpty();
    }
}
