/**
 * The HTTP client, in the spirit of aiohttp's {@code ClientSession}: a
 * {@link io.aio4j.http.ClientSession} keeps a pool of connections and sends requests
 * ({@code get}, {@code post}, ... with a {@link io.aio4j.http.RequestSpec} for parameters, headers
 * and bodies); a {@link io.aio4j.http.ClientResponse} gives the status and headers at once and the
 * body on demand. Also {@link io.aio4j.http.Headers}, the case-insensitive multimap every message
 * carries, and the errors: the sealed {@link io.aio4j.http.ClientException} tree (aiohttp's
 * {@code ClientError} tree, one to one) and {@link io.aio4j.http.BadHttpMessageException} for a
 * malformed message.
 *
 * <h2>Mapping from aiohttp</h2>
 * <pre>
 * aiohttp                                         aio4j
 * async with ClientSession() as s                 try (var s = ClientSession.create())
 * async with s.get(url, params=p) as r            try (var r = s.get(url, q -&gt; q.params(p)))
 * s.post(url, json=obj) / data=form               s.post(url, q -&gt; q.json(obj)) / q.form(map)
 * await r.text(), r.json(), r.read()              r.text(), r.json(Type.class), r.read()
 * r.content.readline(), iter_chunked              r.content().readLine(), readAny()
 * r.raise_for_status()                            r.raiseForStatus()
 * ClientTimeout(total=..., sock_read=...)         ClientTimeout.DEFAULT.withTotal(...).withSockRead(...)
 * TCPConnector(limit=..., ssl=False)              TcpConnector.defaults().withLimit(...).withTls(ClientTls.insecure())
 * BasicAuth, cookie_jar, middlewares              BasicAuth, cookieJar(CookieHandler), ClientMiddleware
 * </pre>
 */
package io.aio4j.http;
