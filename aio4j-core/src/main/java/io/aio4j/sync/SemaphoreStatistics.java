package io.aio4j.sync;

/**
 * A snapshot of a {@link Semaphore}'s state, from {@link Semaphore#statistics()}.
 *
 * @param value the free permits; zero while tasks wait, because a release hands its permit to a
 *     waiter instead of counting it
 * @param tasksWaiting how many tasks wait in {@link Semaphore#acquire()}
 */
public record SemaphoreStatistics(int value, int tasksWaiting) {}
