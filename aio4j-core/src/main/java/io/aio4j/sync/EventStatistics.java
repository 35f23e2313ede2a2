package io.aio4j.sync;

/**
 * A snapshot of an {@link Event}'s state, from {@link Event#statistics()}: trio's
 * {@code EventStatistics}.
 *
 * @param set whether the event is set
 * @param tasksWaiting how many tasks wait in {@link Event#await()}; woken tasks that have not
 *     resumed yet are not counted
 */
public record EventStatistics(boolean set, int tasksWaiting) {}
