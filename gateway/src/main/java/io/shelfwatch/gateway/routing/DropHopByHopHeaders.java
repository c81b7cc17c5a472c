package io.shelfwatch.gateway.routing;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

/**
 * Removes an upstream's connection-level headers from its response (RFC 9110, 7.6.1): they
 * describe the gateway-to-service connection, not the client's. The library strips them from
 * requests only. WebSocket upgrades do not pass here, so their Upgrade headers survive.
 */
final class DropHopByHopHeaders implements ProxyInterceptor {

    private static final List<String> HOP_BY_HOP = List.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-connection", "te", "trailer", "upgrade");

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        HOP_BY_HOP.forEach(headers::remove);
        return context.sendResponse();
    }
}
