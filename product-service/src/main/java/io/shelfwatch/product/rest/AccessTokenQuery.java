package io.shelfwatch.product.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The token of a `/ws/updates` upgrade. Browsers cannot set headers on a WebSocket upgrade,
 * so the token may also come as `?access_token=`: it becomes the request's
 * `Authorization: Bearer` header (a header the client sent wins) and is verified by
 * SmallRye JWT like any other.
 * <p>
 * A missing or invalid token is answered here, 401 in the FastAPI shape, before the upgrade
 * is attempted: a refusal further down would go through the generic failure handling, which
 * logs the request URI, and with it a token passed in the query.
 */
@ApplicationScoped
public class AccessTokenQuery {

    static final String PATH = "/ws/updates";
    static final String PARAMETER = "access_token";
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;

    public AccessTokenQuery(JWTParser parser) {
        this.parser = parser;
    }

    void register(@Observes Filters filters) {
        filters.register(this::gate, 1000);
    }

    private void gate(RoutingContext context) {
        String path = context.normalizedPath();
        if (!PATH.equals(path) && !(PATH + "/").equals(path)) {
            context.next();
            return;
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            String token = context.request().getParam(PARAMETER);
            if (token != null && !token.isBlank()) {
                header = BEARER + token.trim();
                context.request().headers().set(HttpHeaders.AUTHORIZATION, header);
            }
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(context);
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        // Verifying may fetch the JWKS (blocking I/O): off the event loop, as for every other request.
        context.vertx().<Boolean>executeBlocking(() -> {
            try {
                parser.parse(token);
                return true;
            } catch (Exception invalid) {
                return false;
            }
        }, false).onComplete(verified -> {
            if (verified.succeeded() && verified.result()) {
                context.next();
            } else {
                refuse(context);
            }
        });
    }

    private static void refuse(RoutingContext context) {
        context.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("WWW-Authenticate", "Bearer")
                .end("{\"detail\":\"Not authenticated\"}");
    }
}
