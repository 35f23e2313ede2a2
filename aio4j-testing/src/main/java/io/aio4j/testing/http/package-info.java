/**
 * HTTP test peers on 127.0.0.1, for testing HTTP clients (aio4j's or any other) against real
 * sockets: {@link io.aio4j.testing.http.ReplayServer} runs a script per connection (send, sleep,
 * trickle, close, reset, half-close, stall: the faults of a misbehaving server), and
 * {@link io.aio4j.testing.http.MockServer} answers with queued
 * {@link io.aio4j.testing.http.MockResponse}s and records each
 * {@link io.aio4j.testing.http.RecordedRequest}. They read requests with a small reader of their
 * own, apart from aio4j-http's codec. Both run on the loop of the task that starts them.
 */
package io.aio4j.testing.http;
