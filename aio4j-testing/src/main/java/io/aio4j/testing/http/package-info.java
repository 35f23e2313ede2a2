/**
 * HTTP test peers on 127.0.0.1, for testing HTTP clients (aio4j's or any other) against real
 * sockets, plain or TLS (HTTP-RELIABILITY.md §2):
 * <ul>
 *   <li>{@link io.aio4j.testing.http.ReplayServer} runs a {@link io.aio4j.testing.http.ReplayScript}
 *       per connection — read a request, send, sleep, trickle, close, reset, half-close, stall: the
 *       faults of a misbehaving server — and counts connections, so a test can tell whether a
 *       client reused one;</li>
 *   <li>{@link io.aio4j.testing.http.MockServer} answers with queued
 *       {@link io.aio4j.testing.http.MockResponse}s, keeping connections alive (OkHttp's
 *       {@code MockWebServer}).</li>
 * </ul>
 * Both record each {@link io.aio4j.testing.http.RecordedRequest}. They read requests with a small
 * reader of their own, apart from aio4j-http's codec, so they do not share its bugs. Both run on the
 * loop of the task that starts them, next to the client under test, and their {@code close()}
 * leaves nothing behind: no socket, no task.
 */
package io.aio4j.testing.http;
