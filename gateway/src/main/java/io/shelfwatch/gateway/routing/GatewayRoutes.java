package io.shelfwatch.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shelfwatch.gateway.health.HealthHandler;
import io.shelfwatch.gateway.web.NotFoundHandler;
import io.shelfwatch.gateway.web.RequestIdHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;

/**
 * Installs the gateway on Quarkus's router: request ids on everything, its own /health,
 * one proxy route per route-table entry in table order (Vert.x tries routes in the order
 * they were added, so the table's first match is the router's), and a 404 for the rest.
 * Quarkus's own endpoints (/q/*, /metrics) stay reachable: no table entry overlaps them and
 * the 404 route is ordered after everything.
 */
@ApplicationScoped
public class GatewayRoutes {

    // Ahead of every route, Quarkus's included, so even /q/* answers carry an id.
    private static final int REQUEST_ID_ORDER = -10_000;
    // After every other route: only what nothing else wanted falls through to it.
    private static final int NOT_FOUND_ORDER = Integer.MAX_VALUE - 1;

    void install(@Observes Router router, UpstreamProxies proxies, HealthHandler health) {
        router.route().order(REQUEST_ID_ORDER).handler(new RequestIdHandler());
        router.get("/health").handler(health);
        for (RouteTable.Route route : RouteTable.ROUTES) {
            router.routeWithRegex(route.path().regex().pattern())
                    .handler(new RouteMetricsTag(route.path().pattern()))
                    .handler(ProxyHandler.create(proxies.proxyFor(route.upstream())));
        }
        router.route().order(NOT_FOUND_ORDER).handler(new NotFoundHandler());
    }
}
