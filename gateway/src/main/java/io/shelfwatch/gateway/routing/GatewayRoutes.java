package io.shelfwatch.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shelfwatch.gateway.health.HealthHandler;
import io.shelfwatch.gateway.docs.DocsRoutes;
import io.shelfwatch.gateway.web.EdgeGuard;
import io.shelfwatch.gateway.web.ExposureGuard;
import io.shelfwatch.gateway.web.NotFoundHandler;
import io.shelfwatch.gateway.web.PathSyntaxGuard;
import io.shelfwatch.gateway.web.RequestIdHandler;
import io.shelfwatch.gateway.web.SecurityHeadersHandler;
import io.vertx.ext.web.Router;

/**
 * Installs the gateway on Quarkus's router: request ids and security headers on everything,
 * a 404 for Quarkus's /q/* pages (probes excepted), its own /health and docs, one proxy route
 * per route-table entry in table order (Vert.x tries routes in the order they were added, so
 * the table's first match is the router's) behind the edge checks, and a 404 for the rest.
 */
@ApplicationScoped
public class GatewayRoutes {

    // Ahead of every route, Quarkus's included, so even /q/* answers carry an id.
    private static final int REQUEST_ID_ORDER = -10_000;
    // Before anything that asks for the normalized path (the security headers, exposure, any route's path).
    private static final int PATH_SYNTAX_ORDER = -9_999;
    private static final int SECURITY_HEADERS_ORDER = -9_998;
    private static final int EXPOSURE_ORDER = -9_997;
    // After every other route: only what nothing else wanted falls through to it.
    private static final int NOT_FOUND_ORDER = Integer.MAX_VALUE - 1;

    void install(@Observes Router router, UpstreamProxies proxies, HealthHandler health, EdgeGuard edge, DocsRoutes docs) {
        router.route().order(REQUEST_ID_ORDER).handler(new RequestIdHandler());
        router.route().order(PATH_SYNTAX_ORDER).handler(new PathSyntaxGuard());
        router.route().order(SECURITY_HEADERS_ORDER).handler(new SecurityHeadersHandler());
        router.route().order(EXPOSURE_ORDER).handler(new ExposureGuard());
        router.get("/health").handler(health);
        docs.install(router);
        for (RouteTable.Route route : RouteTable.ROUTES) {
            router.routeWithRegex(route.path().regex().pattern())
                    .handler(new RouteMetricsTag(route.path().pattern()))
                    .handler(edge)
                    .handler(new UpstreamProxyHandler(proxies, route.upstream()));
        }
        router.route().order(NOT_FOUND_ORDER).handler(new NotFoundHandler());
    }
}
