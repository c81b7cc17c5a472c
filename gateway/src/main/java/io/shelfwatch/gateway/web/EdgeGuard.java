package io.shelfwatch.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.shelfwatch.gateway.auth.Caller;
import io.shelfwatch.gateway.auth.EdgeAuth;
import io.shelfwatch.gateway.auth.PublicPaths;
import io.shelfwatch.gateway.config.GatewayConfig;
import io.shelfwatch.gateway.error.GatewayError;
import io.shelfwatch.gateway.ratelimit.RateLimitDecision;
import io.shelfwatch.gateway.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * What a proxied request must pass before it is forwarded, cheapest first: the body size
 * (413), the caller's credentials (API key exchanged, bearer JWT verified), the caller's
 * rate limit (429, per user or per IP), and finally credentials on every non-public path
 * (401; on a public path bad credentials are dropped and the caller is anonymous).
 * Installed only on the proxy routes; the gateway's own pages are public.
 */
@ApplicationScoped
public class EdgeGuard implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);
    // How long a refused request's client may go on sending the body it declared before it is hung up on.
    private static final long LINGER_MS = 2_000;

    private final EdgeAuth auth;
    private final RateLimiter limiter;
    private final long maxBodySize;

    EdgeGuard(EdgeAuth auth, RateLimiter limiter, GatewayConfig config) {
        this.auth = auth;
        this.limiter = limiter;
        this.maxBodySize = config.maxBodySize();
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (declaredBodyTooLarge(request)) {
            GatewayResponses.error(ctx, GatewayError.PAYLOAD_TOO_LARGE);
            hangUpIfStillSending(ctx);
            return;
        }
        String path = ctx.normalizedPath();
        // Hold the body back while we ask Redis and maybe auth-billing; the proxy resumes it.
        request.pause();
        auth.identify(request, path)
                .chain(caller -> limit(caller, request).map(decision -> {
                    ctx.put(Caller.CONTEXT_KEY, caller);
                    return decision;
                }))
                .subscribe().with(decision -> {
                    decide(ctx, path, decision);
                    if (ctx.response().ended()) {
                        // Refused: read and drop the body, so the connection can serve the next request.
                        request.resume();
                    }
                }, failure -> {
                    LOG.warnf("Edge checks failed for %s %s: %s", request.method(), path, failure.getMessage());
                    GatewayResponses.error(ctx, GatewayError.AUTH_UNAVAILABLE);
                    request.resume();
                });
    }

    private Uni<RateLimitDecision> limit(Caller caller, HttpServerRequest request) {
        if (caller.rateLimitExempt()) {
            return Uni.createFrom().item(RateLimitDecision.UNLIMITED);
        }
        if (caller.signedIn()) {
            return limiter.forUser(caller.userId());
        }
        return limiter.forAddress(clientAddress(request));
    }

    private void decide(RoutingContext ctx, String path, RateLimitDecision decision) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        if (decision.limited()) {
            ctx.response().putHeader("X-RateLimit-Limit", Long.toString(decision.limit()))
                    .putHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()))
                    .putHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
        }
        if (!decision.allowed()) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            GatewayResponses.error(ctx, GatewayError.TOO_MANY_REQUESTS);
            return;
        }
        boolean publicPath = PublicPaths.isPublic(ctx.request().method(), path);
        if (caller.kind() == Caller.Kind.REJECTED) {
            if (!publicPath) {
                unauthorized(ctx, caller.rejection());
                return;
            }
            // A public path answers anyone, as the documents' FastAPI endpoints never read the header:
            // a client that still sends its expired token must be able to sign in again or refresh.
            // The credentials go no further, so the service sees an anonymous caller too.
            ctx.request().headers().remove(HttpHeaders.AUTHORIZATION).remove(EdgeAuth.API_KEY_HEADER);
        } else if (!caller.signedIn() && !publicPath) {
            unauthorized(ctx, GatewayError.NOT_AUTHENTICATED.message());
            return;
        }
        if (caller.forwardToken() != null) {
            ctx.request().headers()
                    .remove(EdgeAuth.API_KEY_HEADER)
                    .set(HttpHeaders.AUTHORIZATION, "Bearer " + caller.forwardToken());
        }
        ctx.next();
    }

    private static void unauthorized(RoutingContext ctx, String message) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        GatewayResponses.error(ctx, GatewayError.NOT_AUTHENTICATED.status(), message);
    }

    /**
     * The client may still be sending the body it declared. Vert.x reads and drops it, so that the
     * client gets to read the 413 instead of a reset, and closes the connection (its answer said
     * Connection: close) only once the body has all arrived: a client that stops sending would hold
     * the connection for good. It gets {@link #LINGER_MS}, then the HTTP/1.x connection is closed
     * (an HTTP/2 connection carries other streams and is left alone).
     */
    private static void hangUpIfStillSending(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.version() != HttpVersion.HTTP_2 && !request.isEnded()) {
            HttpConnection connection = request.connection();
            ctx.vertx().setTimer(LINGER_MS, ignored -> connection.close());
        }
    }

    private boolean declaredBodyTooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The client's address as Quarkus sees it (X-Forwarded-For only when quarkus.http.proxy trusts it). */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
