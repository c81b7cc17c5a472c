package io.shelfwatch.gateway.web;

import io.shelfwatch.gateway.error.ErrorBody;
import io.shelfwatch.gateway.error.GatewayError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** The last route: a path no service owns (or one that must stay internal) is a 404 in its path's shape. */
public final class NotFoundHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        GatewayError error = GatewayError.NOT_FOUND;
        ctx.response()
                .setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ErrorBody.CONTENT_TYPE)
                .end(error.body(ctx.normalizedPath()));
    }
}
