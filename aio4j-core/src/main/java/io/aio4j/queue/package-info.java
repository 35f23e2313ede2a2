/**
 * Queues for tasks of one event loop, asyncio's {@code asyncio.Queue} family: {@code Queue},
 * {@code PriorityQueue}, {@code LifoQueue}. Not thread-safe: use them from the tasks of one loop.
 */
package io.aio4j.queue;
