/**
 * The machinery under {@code io.aio4j.sync}, shared with the queues: a fair queue of waiting tasks
 * ({@link io.aio4j.internal.sync.ParkingLot}) and the binding to one loop
 * ({@link io.aio4j.internal.sync.LoopBound}).
 */
package io.aio4j.internal.sync;
