/**
 * A live view of the JVM's event loops in a browser: {@link io.aio4j.http.monitor.Monitor}, served
 * by aio4j's own HTTP server on {@code 127.0.0.1}, with a JSON endpoint and a cancel button per task.
 */
package io.aio4j.http.monitor;
