package io.shelfwatch.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Tags a proxied request's HTTP metrics with its route-table pattern ({@code /api/v1/products/**})
 * instead of the concrete path, so /metrics has one series per route and not one per product id.
 * Quarkus Micrometer reads the template from this request-context key (REST endpoints set it too).
 */
final class RouteMetricsTag implements Handler<RoutingContext> {

    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final String pattern;

    RouteMetricsTag(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.vertx().getOrCreateContext().putLocal(URL_PATH_TEMPLATE, pattern);
        ctx.next();
    }
}
