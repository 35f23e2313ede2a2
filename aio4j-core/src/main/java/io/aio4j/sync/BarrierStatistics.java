package io.aio4j.sync;

/**
 * A snapshot of a {@link Barrier}'s state, from {@link Barrier#statistics()}.
 *
 * @param parties how many tasks a round waits for
 * @param waiting {@link Barrier#nWaiting()}: tasks waiting for the current round to fill
 * @param state the barrier's state
 */
public record BarrierStatistics(int parties, int waiting, BarrierState state) {}
