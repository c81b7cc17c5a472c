package io.shelfwatch.gateway.routing;

import static io.shelfwatch.gateway.routing.Upstream.AUTH_BILLING;
import static io.shelfwatch.gateway.routing.Upstream.COMPETITION;
import static io.shelfwatch.gateway.routing.Upstream.CONNECTOR;
import static io.shelfwatch.gateway.routing.Upstream.ETL;
import static io.shelfwatch.gateway.routing.Upstream.PRODUCT;

import java.util.List;
import java.util.Optional;

/**
 * Which service answers which public path: DESIGN.md's services table as data.
 * The first matching entry wins, so an entry that carves a path out of a broader one
 * ({@code /api/v1/competitors/{id}/products}) comes before it. {@code /internal/**} is
 * deliberately absent: internal endpoints are never reachable through the gateway.
 */
public final class RouteTable {

    public record Route(PathPattern path, Upstream upstream) {
    }

    public static final List<Route> ROUTES = List.of(
            // auth-billing-service
            route("/api/v1/auth/**", AUTH_BILLING),
            route("/api/v1/users/register", AUTH_BILLING),
            route("/api/v1/users/token", AUTH_BILLING),
            route("/api/v1/api-keys/**", AUTH_BILLING),
            route("/api/v1/billing/**", AUTH_BILLING),
            route("/api/v1/usage", AUTH_BILLING),
            route("/api/v1/webhooks/stripe", AUTH_BILLING),
            route("/api/v1/health", AUTH_BILLING),
            route("/api/v1/admin/users/**", AUTH_BILLING),
            route("/.well-known/jwks.json", AUTH_BILLING),
            // product-service (before competition: it owns one path under /api/v1/competitors)
            route("/v1/products/**", PRODUCT),
            route("/api/v1/products/**", PRODUCT),
            route("/api/v1/competitors/{id}/products", PRODUCT),
            route("/api/v1/users/me", PRODUCT),
            route("/api/v1/users/me/watchlist/**", PRODUCT),
            route("/api/v1/sales/**", PRODUCT),
            route("/ws/updates", PRODUCT),
            // etl-service
            route("/v1/etl/**", ETL),
            route("/api/v1/alerts/**", ETL),
            route("/api/brands/**", ETL),
            // competition-service
            route("/v1/competitions/**", COMPETITION),
            route("/api/v1/competitors/**", COMPETITION),
            // connector-service (doc B's paths, and brand analytics)
            route("/api/connect/**", CONNECTOR),
            route("/api/test-connection/**", CONNECTOR),
            route("/api/refresh-token/**", CONNECTOR),
            route("/api/connection-status/**", CONNECTOR),
            route("/api/manual-refresh/**", CONNECTOR),
            route("/api/fetch-data/**", CONNECTOR),
            route("/api/fetch-missing-items/**", CONNECTOR),
            route("/api/download-processed/**", CONNECTOR),
            route("/api/processed-status/**", CONNECTOR),
            route("/api/inventory/**", CONNECTOR),
            route("/api/activities/**", CONNECTOR),
            route("/api/brand-analytics/**", CONNECTOR));

    private RouteTable() {
    }

    /** The service for a normalized request path, as the router will pick it. */
    public static Optional<Upstream> upstreamFor(String path) {
        return ROUTES.stream()
                .filter(route -> route.path().matches(path))
                .map(Route::upstream)
                .findFirst();
    }

    private static Route route(String pattern, Upstream upstream) {
        return new Route(PathPattern.of(pattern), upstream);
    }
}
