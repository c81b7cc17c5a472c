package io.shelfwatch.gateway.web;

import io.shelfwatch.gateway.error.GatewayError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * A path holding a {@code %} that starts no escape (two hex digits) cannot be normalized, so no
 * route can match it: Vert.x Web throws when it first asks for the normalized path, logs an
 * ERROR and answers a plain-text 400. This answers it first, with a 400 in the path's shape
 * (judged on the raw path, the only one there is) and the security headers of an API answer.
 * Installed before anything that asks for the normalized path, the security headers included.
 */
public final class PathSyntaxGuard implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && hasBrokenEscape(path)) {
            SecurityHeadersHandler.secure(ctx, false);
            GatewayResponses.error(ctx, GatewayError.MALFORMED_PATH, path);
            return;
        }
        ctx.next();
    }

    static boolean hasBrokenEscape(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (startsNoEscape(path, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the {@code %} at {@code percentAt} lacks the two hex digits of an escape (also UpstreamUri's rule). */
    public static boolean startsNoEscape(String text, int percentAt) {
        return percentAt + 2 >= text.length() || !isHex(text.charAt(percentAt + 1)) || !isHex(text.charAt(percentAt + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
