/**
 * The implementations behind {@code io.aio4j.queue}: one base class with asyncio's waiting,
 * cancellation and shutdown logic ({@link io.aio4j.internal.queue.BaseQueue}), and one subclass per
 * order that stores the items.
 */
package io.aio4j.internal.queue;
