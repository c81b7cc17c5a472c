package io.shelfwatch.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends upstream the normalized path the router matched, not the raw one. Dot segments
 * and encoded dots are resolved the same way the router resolved them, so no raw path can
 * route as one service's path and arrive as another (e.g. an /internal/** endpoint).
 * The query string and a trailing slash go through unchanged, but for the characters a URI may
 * not hold, which are percent-encoded ({@link UpstreamUri}). (HttpUtils.normalizePath is what
 * Vert.x Web itself uses for routing; it lives in an impl package but is public.)
 */
final class ForwardRoutedPath implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest request = context.request().proxiedRequest();
        String query = request.query();
        String path = UpstreamUri.escape(HttpUtils.normalizePath(request.path()));
        context.request().setURI(query == null ? path : path + "?" + UpstreamUri.escape(query));
        return context.sendRequest();
    }
}
