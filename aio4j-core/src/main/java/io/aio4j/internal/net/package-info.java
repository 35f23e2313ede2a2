/**
 * The network layer's engine: socket transports on the loop's selector, servers, the stream
 * protocol behind {@code StreamReader}/{@code StreamWriter}, connecting (resolution, Happy
 * Eyeballs, error mapping). Not exported.
 */
package io.aio4j.internal.net;
