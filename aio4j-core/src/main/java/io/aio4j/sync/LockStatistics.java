package io.aio4j.sync;

import io.aio4j.Task;

/**
 * A snapshot of a {@link Lock}'s state, from {@link Lock#statistics()}: trio's
 * {@code LockStatistics}.
 *
 * @param locked whether the lock is held
 * @param owner the task that acquired it last (or was handed it), while it is locked; {@code null}
 *     when unlocked, or when taken with {@link Lock#tryAcquire()} outside any task
 * @param tasksWaiting how many tasks wait in {@link Lock#acquire()}
 */
public record LockStatistics(boolean locked, Task<?> owner, int tasksWaiting) {}
