package io.shelfwatch.gateway.routing;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.ProtocolUpgradeHandler;

/**
 * The last handler of a proxy route: hands the request to its upstream's proxy on this event
 * loop (what Vert.x's ProxyHandler does for a single proxy; {@link UpstreamProxies} keeps one per
 * event loop). A protocol-upgrade handler, so WebSocket handshakes reach the proxy unread.
 */
final class UpstreamProxyHandler implements ProtocolUpgradeHandler {

    private final UpstreamProxies proxies;
    private final Upstream upstream;

    UpstreamProxyHandler(UpstreamProxies proxies, Upstream upstream) {
        this.proxies = proxies;
        this.upstream = upstream;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.body().available()) {
            // Something before us read the body: the proxy could not stream it any more.
            ctx.fail(500, new IllegalStateException("the request body was read before proxying"));
            return;
        }
        proxies.proxyFor(upstream).handle(ctx.request());
    }
}
