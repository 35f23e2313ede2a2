/**
 * HTTP for aio4j, in the spirit of aiohttp. So far: {@link io.aio4j.http.Headers}, the
 * case-insensitive multimap every message carries, and the errors the HTTP/1.1 parser raises when
 * a peer sends a malformed message ({@link io.aio4j.http.BadHttpMessageException} and its
 * subclasses). The client session and the server come later in this package.
 */
package io.aio4j.http;
