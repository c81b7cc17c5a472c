package io.shelfwatch.gateway.web;

import io.shelfwatch.gateway.error.ErrorBody;
import io.shelfwatch.gateway.error.GatewayError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Ends a request with an error the gateway makes itself, in the path's shape. */
public final class GatewayResponses {

    private GatewayResponses() {
    }

    public static void error(RoutingContext ctx, GatewayError error) {
        error(ctx, error, ctx.normalizedPath());
    }

    /** For a request whose path cannot be normalized: the shape is chosen on {@code path} as given. */
    public static void error(RoutingContext ctx, GatewayError error, String path) {
        end(ctx, error.status(), error.body(path));
    }

    public static void error(RoutingContext ctx, int status, String message) {
        end(ctx, status, ErrorBody.json(ctx.normalizedPath(), status, message));
    }

    private static void end(RoutingContext ctx, int status, String body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ErrorBody.CONTENT_TYPE)
                .end(body);
    }
}
