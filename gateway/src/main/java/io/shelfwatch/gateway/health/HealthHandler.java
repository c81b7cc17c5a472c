package io.shelfwatch.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /health: the suite's state, always with 200 (doc A's contract); a monitor reads
 * {@code status}. The gateway's own liveness and readiness are /q/health/live and /ready.
 */
@ApplicationScoped
public class HealthHandler implements Handler<RoutingContext> {

    private final SuiteHealth health;

    HealthHandler(SuiteHealth health) {
        this.health = health;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // SuiteHealth turns every probe failure into DOWN; ctx::fail is only for the unforeseen.
        health.check().subscribe().with(report -> ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(report.toJson().encode()), ctx::fail);
    }
}
