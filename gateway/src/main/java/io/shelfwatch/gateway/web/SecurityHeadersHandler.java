package io.shelfwatch.gateway.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every answer, the proxied ones included, set as the headers are
 * written (after the upstream's): no sniffing, no framing, no referrer, a CSP (a strict one
 * for API answers, one that lets the docs pages run their own bundled scripts), and no
 * {@code Server} header naming a product or version.
 */
public final class SecurityHeadersHandler implements Handler<RoutingContext> {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    // Swagger UI and ReDoc run inline set-up code and draw with inline styles and data: images.
    static final String DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'";

    @Override
    public void handle(RoutingContext ctx) {
        secure(ctx, isDocsPage(ctx.normalizedPath()));
        ctx.next();
    }

    /** Sets the headers on {@code ctx}'s answer, whoever writes it. */
    static void secure(RoutingContext ctx, boolean docs) {
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.remove("Server");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (docs) {
                headers.set("Content-Security-Policy", DOCS_CSP);
            } else if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", API_CSP);
            }
        });
    }

    static boolean isDocsPage(String path) {
        return path.startsWith("/api/docs") || path.startsWith("/api/redoc");
    }
}
