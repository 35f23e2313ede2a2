/**
 * The HTTP server, in the spirit of aiohttp.web: an {@link io.aio4j.http.web.Application} of routes
 * and middlewares, handlers that are plain methods running as tasks, {@link io.aio4j.http.web.Request}
 * and {@link io.aio4j.http.web.Response}, and a {@link io.aio4j.http.web.WebServer} that serves it
 * on one loop or on several.
 *
 * <h2>Mapping from aiohttp.web</h2>
 * <pre>
 * aiohttp.web                              aio4j
 * web.Application(); app.router.add_get   Application.builder().get(...)...build()
 * async def handler(request)               Handler: request -&gt; Response
 * web.middleware                           Middleware: (request, next) -&gt; Response
 * web.Response(text=...), json_response    Response.text(...), Response.json(...)
 * web.StreamResponse + prepare/write       Response.stream(type, out -&gt; out.write(...))
 * web.FileResponse(path)                   Response.file(path)
 * raise web.HTTPNotFound()                 throw new HttpStatusException(404)
 * request.match_info["id"]                 request.pathParam("id")
 * request.query, await request.json()      request.query(), request.json(Type.class)
 * web.AppRunner + web.TCPSite              WebServer.start(app, host, port)
 * await runner.cleanup() (graceful)        server.shutdown(grace)
 * </pre>
 */
package io.aio4j.http.web;
