package io.aio4j;

import static io.aio4j.Aio.await;
import static io.aio4j.Aio.createTask;
import static io.aio4j.Aio.currentTask;
import static io.aio4j.Aio.sleep;
import static io.aio4j.Aio.withTimeout;
import static io.aio4j.Aio.withTimeoutAt;
import static io.aio4j.Aio.withTimeoutOrNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * ASYNCIO-SEMANTICS §3.5, {@code timeout()} and {@code timeout_at()}: one or more tests per spec,
 * translated from CPython's {@code test_timeouts.py}. {@code async with timeout(d) as cm} is
 * {@code withTimeout(d, cm -> ...)}; the scope is kept in an array to look at it afterwards.
 */
class TimeoutSpecTest extends LoopTest {

    // ASYNCIO-SEMANTICS §3.5 spec 28 (test_timeout_basic)
    @Test
    void timeoutInterruptsTheBodyAndRaisesDeadlineExceeded() {
        Timeout[] cm = new Timeout[1];
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(10), scope -> {
                cm[0] = scope;
                sleep(Duration.ofSeconds(10));
                return null;
            })).isInstanceOf(DeadlineExceededException.class).hasCauseInstanceOf(CancelledError.class);
            assertThat(nowMillis()).isEqualTo(10);
        });
        assertThat(cm[0].expired()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.5 spec 28 (test_timeout_at_basic)
    @Test
    void timeoutAtReportsItsDeadline() {
        long[] deadline = {0};
        Timeout[] cm = new Timeout[1];
        run(() -> {
            deadline[0] = loop.time() + Duration.ofMillis(10).toNanos();
            assertThatThrownBy(() -> withTimeoutAt(deadline[0], scope -> {
                cm[0] = scope;
                sleep(Duration.ofSeconds(10));
                return null;
            })).isInstanceOf(DeadlineExceededException.class);
        });
        assertThat(cm[0].expired()).isTrue();
        assertThat(cm[0].when()).isEqualTo(OptionalLong.of(deadline[0]));
    }

    // ASYNCIO-SEMANTICS §3.5 spec 28: a body done in time returns its result, not expired
    @Test
    void bodyThatFinishesInTimeReturnsItsResult() {
        Timeout[] cm = new Timeout[1];
        int r = run(() -> withTimeout(Duration.ofMillis(100), scope -> {
            cm[0] = scope;
            sleep(Duration.ofMillis(50));
            return 7;
        }));
        assertThat(r).isEqualTo(7);
        assertThat(cm[0].expired()).isFalse();
        assertThat(nowMillis()).isEqualTo(50);
    }

    // ASYNCIO-SEMANTICS §3.5 spec 28: withTimeoutOrNull returns null instead of raising
    @Test
    void withTimeoutOrNullReturnsNullWhenItsTimeoutFires() {
        String r = run(() -> withTimeoutOrNull(Duration.ofMillis(10), () -> {
            sleep(Duration.ofSeconds(10));
            return "late";
        }));
        assertThat(r).isNull();
        assertThat(nowMillis()).isEqualTo(10);
        assertThat(run(() -> withTimeoutOrNull(Duration.ofMillis(10), () -> "soon"))).isEqualTo("soon");
    }

    // ASYNCIO-SEMANTICS §3.5 spec 29 (test_waiter_cancelled)
    @Test
    void theBodySeesCancelledErrorAndOnlyTheScopeTurnsItIntoDeadlineExceeded() {
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(10), () -> {
                try {
                    sleep(Duration.ofSeconds(10));
                } catch (CancelledError e) {
                    record("body saw " + e.getClass().getSimpleName());
                    throw e;
                }
            })).isInstanceOf(DeadlineExceededException.class);
        });
        assertThat(events).containsExactly("body saw CancelledError");
    }

    // ASYNCIO-SEMANTICS §3.5 spec 30 (test_nested_timeouts)
    @Test
    void nestedScopesWithTheSameDeadlineOnlyTheOutermostRaisesDeadlineExceeded() {
        Timeout[] cm1 = new Timeout[1];
        Timeout[] cm2 = new Timeout[1];
        run(() -> {
            long deadline = loop.time() + Duration.ofMillis(10).toNanos();
            assertThatThrownBy(() -> withTimeoutAt(deadline, outer -> {
                cm1[0] = outer;
                try {
                    return withTimeoutAt(deadline, inner -> {
                        cm2[0] = inner;
                        sleep(Duration.ofSeconds(10));
                        return null;
                    });
                } catch (CancelledError e) {
                    record("inner scope let CancelledError through");
                    throw e;
                }
            })).isInstanceOf(DeadlineExceededException.class);
            assertThat(currentTask().cancelling()).isZero();
        });
        assertThat(events).containsExactly("inner scope let CancelledError through");
        assertThat(cm1[0].expired()).isTrue();
        assertThat(cm2[0].expired()).isTrue();
    }

    // ASYNCIO-SEMANTICS §3.5 spec 30: an inner scope with the earlier deadline raises its own
    @Test
    void nestedScopeWithTheEarlierDeadlineRaisesAndTheOuterCarriesOn() {
        Timeout[] cm1 = new Timeout[1];
        Timeout[] cm2 = new Timeout[1];
        String r = run(() -> withTimeout(Duration.ofMillis(100), outer -> {
            cm1[0] = outer;
            try {
                withTimeout(Duration.ofMillis(10), inner -> {
                    cm2[0] = inner;
                    sleep(Duration.ofSeconds(10));
                    return null;
                });
            } catch (DeadlineExceededException e) {
                record("inner timed out at " + nowMillis());
            }
            sleep(Duration.ofMillis(50));
            return "outer done";
        }));
        assertThat(r).isEqualTo("outer done");
        assertThat(events).containsExactly("inner timed out at 10");
        assertThat(cm1[0].expired()).isFalse();
        assertThat(cm2[0].expired()).isTrue();
        assertThat(nowMillis()).isEqualTo(60);
    }

    // ASYNCIO-SEMANTICS §3.5 spec 31 (test_foreign_exception_passed)
    @Test
    void otherExceptionsPassThroughUntouchedAndTheScopeIsNotExpired() {
        IllegalStateException boom = new IllegalStateException("boom");
        Timeout[] cm = new Timeout[1];
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(10), scope -> {
                cm[0] = scope;
                throw boom;
            })).isSameAs(boom);
        });
        assertThat(cm[0].expired()).isFalse();
    }

    // ASYNCIO-SEMANTICS §3.5 spec 31: a checked exception arrives wrapped once (DESIGN.md §2)
    @Test
    void checkedExceptionsOfTheBodyArriveWrappedOnce() {
        java.io.IOException io = new java.io.IOException("io");
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(10), scope -> {
                throw io;
            })).isExactlyInstanceOf(CompletionException.class).hasCause(io);
        });
    }

    // ASYNCIO-SEMANTICS §3.5 spec 31 (test_foreign_exception_on_timeout)
    @Test
    void exceptionRaisedWhileHandlingTheTimeoutPassesThroughInsteadOfDeadlineExceeded() {
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(10), () -> {
                try {
                    sleep(Duration.ofSeconds(1));
                } finally {
                    record("crash");
                    int zero = 0;
                    record(1 / zero);
                }
            })).isInstanceOf(ArithmeticException.class);
            assertThat(currentTask().cancelling()).as("the scope took its cancel request back").isZero();
        });
        assertThat(events).containsExactly("crash");
    }

    // ASYNCIO-SEMANTICS §3.5 spec 32 (test_foreign_cancel_doesnt_timeout_if_not_expired)
    @Test
    void externalCancelInsideAnUnexpiredScopeStaysACancelledError() {
        Timeout[] cm = new Timeout[1];
        Task<Void> t = loop.createTask(() -> {
            withTimeout(Duration.ofSeconds(10), scope -> {
                cm[0] = scope;
                currentTask().cancel();
                sleep(Duration.ofSeconds(10));
                return null;
            });
        });
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isExactlyInstanceOf(CancelledError.class);
        assertThat(t.cancelled()).isTrue();
        assertThat(cm[0].expired()).isFalse();
        assertThat(nowMillis()).isZero();
    }

    // ASYNCIO-SEMANTICS §3.5 spec 32: a cancel from another task while the scope waits
    @Test
    void cancelFromAnotherTaskInsideAnUnexpiredScopeStaysACancelledError() {
        run(() -> {
            Task<Void> t = createTask(() -> withTimeout(Duration.ofSeconds(10), () -> sleep(Duration.ofSeconds(10))));
            sleep(Duration.ofMillis(5));
            t.cancel("from outside");
            assertThatThrownBy(() -> await(t)).isExactlyInstanceOf(CancelledError.class);
            assertThat(t.cancelled()).isTrue();
            assertThat(nowMillis()).isEqualTo(5);
        });
    }

    // ASYNCIO-SEMANTICS §3.5 spec 33 (test_outer_task_is_not_cancelled)
    @Test
    void taskThatCatchesItsTimeoutCompletesNormallyAndIsNotCancelled() {
        run(() -> {
            Task<String> task = createTask(() -> {
                assertThatThrownBy(() -> withTimeout(Duration.ofMillis(1), () -> sleep(Duration.ofSeconds(10))))
                        .isInstanceOf(DeadlineExceededException.class);
                assertThat(currentTask().cancelling()).as("the cancel count is rebalanced").isZero();
                sleep(Duration.ofMillis(5)); // not interrupted by a leftover cancellation
                return "ok";
            });
            assertThat(await(task)).isEqualTo("ok");
            assertThat(task.cancelled()).isFalse();
            assertThat(task.done()).isTrue();
            assertThat(task.cancelling()).isZero();
            assertThat(nowMillis()).isEqualTo(6);
        });
    }

    // ASYNCIO-SEMANTICS §3.5 spec 34 (test_nested_timeouts_loop_busy)
    @Test
    void outerDeadlineStillInterruptsAfterTheInnerTimeoutWhenTheLoopWasBlocked() {
        long t0 = loop.time();
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(100), () -> {          // (1)
                assertThatThrownBy(() -> withTimeout(Duration.ofMillis(10), () -> {      // (2)
                    loop.advanceBy(Duration.ofMillis(10)); // pretend we crunch numbers: the loop is blocked
                    sleep(Duration.ofSeconds(1));
                })).isInstanceOf(DeadlineExceededException.class);
                record("inner timed out at " + nowMillis());
                loop.advanceBy(Duration.ofMillis(100)); // blocked again, past the outer deadline
                sleep(Duration.ofSeconds(10));
                record("slept"); // must never run
            })).isInstanceOf(DeadlineExceededException.class);
        });
        long t1 = loop.time();
        assertThat(events).containsExactly("inner timed out at 10");
        assertThat(t1 - t0).isBetween(0L, Duration.ofSeconds(1).toNanos());
    }

    // ASYNCIO-SEMANTICS §3.5 spec 35 (test_timeout_zero_sleep_zero)
    @Test
    void zeroTimeoutRaisesEvenForSleepZero() {
        Timeout[] cm = new Timeout[1];
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ZERO, scope -> {
                cm[0] = scope;
                sleep(Duration.ZERO);
                record("after sleep(0)"); // must never run
                return null;
            })).isInstanceOf(DeadlineExceededException.class);
        });
        assertThat(cm[0].expired()).isTrue();
        assertThat(events).isEmpty();
        assertThat(nowMillis()).isZero();
    }

    // ASYNCIO-SEMANTICS §3.5 spec 35 (test_timeout_in_the_past_sleep_zero)
    @Test
    void deadlineInThePastRaisesEvenForSleepZero() {
        run(() -> {
            sleep(Duration.ofSeconds(200)); // so that "100 s ago" is a valid point on the clock
            long past = loop.time() - Duration.ofSeconds(100).toNanos();
            assertThatThrownBy(() -> withTimeoutAt(past, scope -> {
                sleep(Duration.ZERO);
                record("after sleep(0)");
                return null;
            })).isInstanceOf(DeadlineExceededException.class);
        });
        assertThat(events).isEmpty();
    }

    // ASYNCIO-SEMANTICS §3.5 spec 35 (test_timeout_disabled)
    @Test
    void nullTimeoutDisablesTheScope() {
        Timeout[] cm = new Timeout[1];
        run(() -> withTimeout((Duration) null, scope -> {
            cm[0] = scope;
            assertThat(scope.when()).isEmpty();
            sleep(Duration.ofMillis(10));
            return null;
        }));
        assertThat(cm[0].expired()).isFalse();
        assertThat(cm[0].when()).isEmpty();
        assertThat(nowMillis()).isEqualTo(10);
    }

    // ASYNCIO-SEMANTICS §3.5 spec 35 (test_reschedule)
    @Test
    void rescheduleFromAnotherTaskMovesTheDeadlineAndDisableRemovesIt() {
        run(() -> {
            Future<Timeout> fut = loop.createFuture();
            long deadline1 = loop.time() + Duration.ofSeconds(10).toNanos();
            long deadline2 = deadline1 + Duration.ofSeconds(20).toNanos();
            Task<Void> task = createTask(() -> {
                withTimeoutAt(deadline1, scope -> {
                    fut.setResult(scope);
                    sleep(Duration.ofSeconds(50));
                    return null;
                });
            });
            Timeout cm = await(fut);
            assertThat(cm.when()).isEqualTo(OptionalLong.of(deadline1));
            cm.reschedule(deadline2);
            assertThat(cm.when()).isEqualTo(OptionalLong.of(deadline2));
            cm.disable();
            assertThat(cm.when()).isEmpty();
            sleep(Duration.ofSeconds(40)); // past both deadlines: nothing fires
            assertThat(cm.expired()).isFalse();
            task.cancel();
            assertThatThrownBy(() -> await(task)).isExactlyInstanceOf(CancelledError.class);
            assertThat(cm.expired()).isFalse();
        });
    }

    // ASYNCIO-SEMANTICS §3.5 spec 35: a later deadline lets the body run longer, an earlier one
    // fires sooner, and a deadline moved into the past fires at the body's next wait
    @Test
    void rescheduleMovesTheDeadlineLaterOrEarlier() {
        run(() -> {
            String r = withTimeout(Duration.ofMillis(10), scope -> {
                scope.rescheduleAfter(Duration.ofMillis(50));
                sleep(Duration.ofMillis(30));
                return "later deadline";
            });
            assertThat(r).isEqualTo("later deadline");
            assertThat(nowMillis()).isEqualTo(30);

            assertThatThrownBy(() -> withTimeout(Duration.ofSeconds(10), scope -> {
                scope.rescheduleAfter(Duration.ofMillis(20));
                sleep(Duration.ofSeconds(5));
                return null;
            })).isInstanceOf(DeadlineExceededException.class);
            assertThat(nowMillis()).isEqualTo(50);

            assertThatThrownBy(() -> withTimeout(Duration.ofSeconds(10), scope -> {
                scope.reschedule(loop.time() - 1);
                sleep(Duration.ZERO);
                return null;
            })).isInstanceOf(DeadlineExceededException.class);
            assertThat(nowMillis()).isEqualTo(50);

            String disabled = withTimeout(Duration.ofMillis(10), scope -> {
                scope.rescheduleAfter(null);
                sleep(Duration.ofMillis(30));
                return "disabled";
            });
            assertThat(disabled).isEqualTo("disabled");
        });
    }

    // ASYNCIO-SEMANTICS §3.5 spec 35: an expired scope cannot be rescheduled (CPython raises
    // RuntimeError "Cannot change state of expiring Timeout")
    @Test
    void expiredScopeCannotBeRescheduled() {
        Timeout[] cm = new Timeout[1];
        run(() -> {
            assertThatThrownBy(() -> withTimeout(Duration.ofMillis(10), scope -> {
                cm[0] = scope;
                sleep(Duration.ofSeconds(1));
                return null;
            })).isInstanceOf(DeadlineExceededException.class);
            assertThatThrownBy(() -> cm[0].rescheduleAfter(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class);
        });
    }
}
