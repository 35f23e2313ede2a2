package io.aio4j.queue;

/**
 * A snapshot of a {@link Queue}'s state, from {@link Queue#statistics()}.
 *
 * @param size how many items the queue holds
 * @param maxsize its bound; zero or less when unbounded
 * @param getters how many tasks wait in {@code get()}
 * @param putters how many tasks wait in {@code put()}
 * @param unfinishedTasks items put and not yet matched by {@code taskDone()}
 * @param shutdown whether {@code shutdown()} was called
 */
public record QueueStatistics(int size, int maxsize, int getters, int putters, long unfinishedTasks, boolean shutdown) {}
