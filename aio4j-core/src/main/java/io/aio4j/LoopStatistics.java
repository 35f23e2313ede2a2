package io.aio4j;

/**
 * Counters of one event loop since it was created, for monitors: compare two snapshots to get
 * rates (callbacks per second, wake-ups per second). Kept by the loop itself at the cost of an
 * increment each.
 *
 * @param iterations loop iterations run
 * @param callbacks callbacks and task steps run
 * @param selects times the loop asked its selector, blocking or not
 * @param wakeups times the loop slept in its selector and was woken (by I/O, a timer or another
 *     thread)
 * @param ioEvents ready channels dispatched
 * @param timersPending timers scheduled and not yet fired or cancelled (cancelled ones may still
 *     be counted until the loop drops them)
 * @param readyQueue callbacks and steps waiting in the ready queue
 * @param channels channels registered with the selector: sockets, servers, pipes
 * @param tasks tasks not yet done
 */
public record LoopStatistics(long iterations, long callbacks, long selects, long wakeups, long ioEvents,
        int timersPending, int readyQueue, int channels, int tasks) {
}
