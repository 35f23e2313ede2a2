package io.aio4j.http.internal.server;

import java.util.Map;

/** Loop thread only. A request that takes the path parameters its route found. */
public interface PathParams {
    /**
     * Records the route's path parameters.
     *
     * @param params the parameters, decoded
     */
    void pathParams(Map<String, String> params);
}
