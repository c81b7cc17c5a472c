package io.shelfwatch.gateway.routing;

import static io.shelfwatch.gateway.routing.Upstream.AUTH_BILLING;
import static io.shelfwatch.gateway.routing.Upstream.COMPETITION;
import static io.shelfwatch.gateway.routing.Upstream.CONNECTOR;
import static io.shelfwatch.gateway.routing.Upstream.ETL;
import static io.shelfwatch.gateway.routing.Upstream.PRODUCT;

import java.util.List;

/**
 * Sample requests for every route-table entry (with and without trailing slash, with query
 * strings, sub-paths) and the service each must reach. Shared by the unit test of the table
 * and the end-to-end proxy test, so both prove the same routing.
 */
public final class RouteSamples {

    public record Sample(String method, String uri, Upstream upstream) {

        /** The path part, as the router sees it. */
        public String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }

        @Override
        public String toString() {
            return method + " " + uri + " -> " + upstream.serviceName();
        }
    }

    public static final List<Sample> ALL = List.of(
            // auth-billing-service
            new Sample("POST", "/api/v1/auth/login", AUTH_BILLING),
            new Sample("POST", "/api/v1/auth/refresh/", AUTH_BILLING),
            new Sample("GET", "/api/v1/auth/me?verbose=true", AUTH_BILLING),
            new Sample("POST", "/api/v1/users/register", AUTH_BILLING),
            new Sample("POST", "/api/v1/users/register/", AUTH_BILLING),
            new Sample("POST", "/api/v1/users/token", AUTH_BILLING),
            new Sample("GET", "/api/v1/api-keys", AUTH_BILLING),
            new Sample("GET", "/api/v1/api-keys/", AUTH_BILLING),
            new Sample("DELETE", "/api/v1/api-keys/0b7c6f1e-1111-4c2b-9f00-000000000001", AUTH_BILLING),
            new Sample("GET", "/api/v1/billing/plans", AUTH_BILLING),
            new Sample("POST", "/api/v1/billing/checkout/", AUTH_BILLING),
            new Sample("GET", "/api/v1/usage", AUTH_BILLING),
            new Sample("GET", "/api/v1/usage/", AUTH_BILLING),
            new Sample("POST", "/api/v1/webhooks/stripe", AUTH_BILLING),
            new Sample("GET", "/api/v1/health", AUTH_BILLING),
            new Sample("GET", "/api/v1/health/", AUTH_BILLING),
            new Sample("GET", "/api/v1/admin/users?page=2", AUTH_BILLING),
            new Sample("PATCH", "/api/v1/admin/users/0b7c6f1e-1111-4c2b-9f00-000000000002", AUTH_BILLING),
            new Sample("GET", "/.well-known/jwks.json", AUTH_BILLING),
            // product-service
            new Sample("GET", "/v1/products", PRODUCT),
            new Sample("GET", "/v1/products/?page=1&per_page=20", PRODUCT),
            new Sample("GET", "/v1/products/B000TEST01/history", PRODUCT),
            new Sample("GET", "/api/v1/products", PRODUCT),
            new Sample("GET", "/api/v1/products/?skip=0&limit=10", PRODUCT),
            new Sample("POST", "/api/v1/products/", PRODUCT),
            new Sample("PUT", "/api/v1/products/0b7c6f1e-1111-4c2b-9f00-000000000003", PRODUCT),
            new Sample("GET", "/api/v1/competitors/c1/products", PRODUCT),
            new Sample("GET", "/api/v1/competitors/c1/products/", PRODUCT),
            new Sample("GET", "/api/v1/competitors/c1/products?page=2&per_page=5", PRODUCT),
            new Sample("GET", "/api/v1/users/me", PRODUCT),
            new Sample("PUT", "/api/v1/users/me/", PRODUCT),
            new Sample("GET", "/api/v1/users/me/watchlist", PRODUCT),
            new Sample("POST", "/api/v1/users/me/watchlist/", PRODUCT),
            new Sample("DELETE", "/api/v1/users/me/watchlist/0b7c6f1e-1111-4c2b-9f00-000000000004", PRODUCT),
            new Sample("GET", "/api/v1/sales", PRODUCT),
            new Sample("GET", "/api/v1/sales/summary?days=7", PRODUCT),
            new Sample("GET", "/ws/updates", PRODUCT),
            // etl-service
            new Sample("POST", "/v1/etl/ingest", ETL),
            new Sample("GET", "/v1/etl/jobs/?status=failed", ETL),
            new Sample("GET", "/api/v1/alerts", ETL),
            new Sample("POST", "/api/v1/alerts/", ETL),
            new Sample("GET", "/api/v1/alerts/history?page=1", ETL),
            new Sample("GET", "/api/brands", ETL),
            new Sample("GET", "/api/brands/", ETL),
            new Sample("GET", "/api/brands/b-1/search-queries?startDate=2026-01-01", ETL),
            // competition-service
            new Sample("GET", "/v1/competitions", COMPETITION),
            new Sample("GET", "/v1/competitions/B000TEST01/report/", COMPETITION),
            // doc A's custom method: the colon reaches the service as written
            new Sample("POST", "/v1/competitions/B000TEST01/report:refresh", COMPETITION),
            new Sample("GET", "/api/v1/competitors", COMPETITION),
            new Sample("POST", "/api/v1/competitors/", COMPETITION),
            new Sample("GET", "/api/v1/competitors/c1", COMPETITION),
            new Sample("GET", "/api/v1/competitors/c1/", COMPETITION),
            new Sample("POST", "/api/v1/competitors/c1/scan", COMPETITION),
            new Sample("GET", "/api/v1/competitors/c1/products/p1", COMPETITION),
            // connector-service
            new Sample("POST", "/api/connect", CONNECTOR),
            new Sample("POST", "/api/connect/", CONNECTOR),
            new Sample("POST", "/api/test-connection/", CONNECTOR),
            new Sample("POST", "/api/refresh-token", CONNECTOR),
            new Sample("GET", "/api/connection-status/", CONNECTOR),
            new Sample("POST", "/api/manual-refresh/", CONNECTOR),
            new Sample("POST", "/api/fetch-data/", CONNECTOR),
            new Sample("POST", "/api/fetch-missing-items", CONNECTOR),
            new Sample("GET", "/api/download-processed/?cache_key=abc&data_type=azure", CONNECTOR),
            new Sample("GET", "/api/processed-status/abc/", CONNECTOR),
            new Sample("GET", "/api/inventory/", CONNECTOR),
            new Sample("POST", "/api/inventory/reports/schedule", CONNECTOR),
            new Sample("GET", "/api/activities?limit=5", CONNECTOR),
            new Sample("GET", "/api/brand-analytics/brands/b-1/", CONNECTOR));

    /** Paths no route may take: internal endpoints and near misses of real routes. */
    public static final List<String> UNROUTED = List.of(
            "/internal/api-keys/exchange",
            "/internal/api-keys/exchange/",
            "/",
            "/nope",
            "/api",
            "/api/v1",
            "/api/v1/users",
            "/api/v1/users/someone-else",
            "/api/v1/usagex",
            "/api/v1/admin/plans",
            "/api/connectx",
            "/api/brandsx",
            "/v1/productsx",
            "/ws/updates/other",
            "/.well-known/openid-configuration",
            "/q/openapi",
            "/q/dev-ui",
            "/q/health/ready");

    private RouteSamples() {
    }
}
