package io.aio4j.sync;

/**
 * A snapshot of a {@link Condition}'s state, from {@link Condition#statistics()}: trio's
 * {@code ConditionStatistics}.
 *
 * @param tasksWaiting how many tasks wait in {@link Condition#await()} for a signal (not those
 *     signalled and waiting for the lock: they count in the lock's statistics)
 * @param lockStatistics the state of the condition's lock
 */
public record ConditionStatistics(int tasksWaiting, LockStatistics lockStatistics) {}
