package io.shelfwatch.product.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browsers cannot set headers on a WebSocket upgrade, so `/ws/updates` also takes the token
 * as `?access_token=`: it becomes the request's `Authorization: Bearer` header before
 * authentication, and is then verified by SmallRye JWT like any other. A header the client
 * sent wins. Only this path: everywhere else a token in a URL would end up in logs.
 */
@ApplicationScoped
public class AccessTokenQuery {

    static final String PATH = "/ws/updates";
    static final String PARAMETER = "access_token";

    void register(@Observes Filters filters) {
        // Before the authentication handler (which runs at priority 200 in Quarkus' router).
        filters.register(context -> {
            String path = context.normalizedPath();
            if ((PATH.equals(path) || (PATH + "/").equals(path))
                    && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                String token = context.request().getParam(PARAMETER);
                if (token != null && !token.isBlank()) {
                    context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.trim());
                }
            }
            context.next();
        }, 1000);
    }
}
