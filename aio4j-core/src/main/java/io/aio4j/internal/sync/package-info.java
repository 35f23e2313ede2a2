/** The machinery under {@code io.aio4j.sync}: a fair queue of waiting tasks. */
package io.aio4j.internal.sync;
