/**
 * The implementation of {@link io.aio4j.TaskGroup}, on aio4j's public API alone (futures, tasks,
 * {@code cancel}/{@code uncancel}). Not exported.
 */
package io.aio4j.internal.group;
