package io.shelfwatch.gateway.web;

import java.util.Set;

import io.shelfwatch.gateway.error.GatewayError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus's own /q/* endpoints (OpenAPI, Swagger UI, dev pages, ...) are not part of the
 * public surface: only the gateway's liveness and readiness stay, for the deployment's probes.
 * Every other /q path is a 404 before Quarkus's routes see it, and so are the static
 * /webjars/** files Quarkus would serve from the class path (ReDoc's bundle is served at
 * /api/redoc/ instead).
 */
public final class ExposureGuard implements Handler<RoutingContext> {

    private static final Set<String> PROBES = Set.of("/q/health/live", "/q/health/ready", "/q/health/live/", "/q/health/ready/");

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if ((isUnder(path, "/q") && !PROBES.contains(path)) || isUnder(path, "/webjars")) {
            GatewayResponses.error(ctx, GatewayError.NOT_FOUND);
            return;
        }
        ctx.next();
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
