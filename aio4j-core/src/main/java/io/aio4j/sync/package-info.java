/**
 * Synchronisation primitives for tasks of one event loop, asyncio's {@code asyncio.Lock} family:
 * {@code Lock}, {@code Event}, {@code Condition}, {@code Semaphore}, {@code BoundedSemaphore},
 * {@code Barrier}. They suspend the calling task, never a thread, and are not thread-safe: use them
 * from the tasks of one loop.
 */
package io.aio4j.sync;
