package io.shelfwatch.gateway.auth;

import java.util.List;

import io.shelfwatch.gateway.routing.PathPattern;
import io.vertx.core.http.HttpMethod;

/**
 * The proxied endpoints that need no credentials (DESIGN.md, Conventions: Auth). The
 * gateway's own public pages (/health, /metrics, the OpenAPI pages) never reach the edge
 * checks. Everything else without a valid token or API key is a 401 at the edge.
 */
public final class PublicPaths {

    private record Entry(HttpMethod method, PathPattern path) {
    }

    private static final List<Entry> ENTRIES = List.of(
            entry(HttpMethod.GET, "/api/v1/health"),
            entry(HttpMethod.POST, "/api/v1/auth/register"),
            entry(HttpMethod.POST, "/api/v1/auth/login"),
            entry(HttpMethod.POST, "/api/v1/auth/refresh"),
            entry(HttpMethod.POST, "/api/v1/auth/forgot-password"),
            entry(HttpMethod.POST, "/api/v1/auth/reset-password"),
            entry(HttpMethod.POST, "/api/v1/users/register"),
            entry(HttpMethod.POST, "/api/v1/users/token"),
            entry(HttpMethod.GET, "/api/v1/billing/plans"),
            entry(HttpMethod.POST, "/api/v1/webhooks/stripe"),
            entry(HttpMethod.GET, "/.well-known/jwks.json"));

    private PublicPaths() {
    }

    public static boolean isPublic(HttpMethod method, String path) {
        // HEAD is a GET without a body.
        HttpMethod effective = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        return ENTRIES.stream().anyMatch(e -> e.method().equals(effective) && e.path().matches(path));
    }

    private static Entry entry(HttpMethod method, String pattern) {
        return new Entry(method, PathPattern.of(pattern));
    }
}
