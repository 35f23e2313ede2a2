/**
 * aio4j: Python's asyncio for Java. Start with {@link io.aio4j.Aio}; the loop is
 * {@link io.aio4j.EventLoop}, results to come are {@link io.aio4j.Future}s, running coroutines are
 * {@link io.aio4j.Task}s.
 */
package io.aio4j;
