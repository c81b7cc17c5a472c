package io.shelfwatch.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an {@code X-Request-Id}: the client's own when it is a sane token,
 * a fresh UUID otherwise. The id goes upstream, back to the client, and into the MDC of
 * the gateway's own log lines (Quarkus keeps the MDC per request on the Vert.x context).
 */
public final class RequestIdHandler implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    // Ids end up in logs and Kafka headers of every service: no spaces, no control
    // characters, nothing long enough to flood a log line.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Override
    public void handle(RoutingContext ctx) {
        String id = acceptOrGenerate(ctx.request().getHeader(HEADER));
        // The proxy copies the incoming headers upstream, so setting it here forwards it.
        ctx.request().headers().set(HEADER, id);
        // Set last, so an upstream's own X-Request-Id header cannot make it appear twice.
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(HEADER, id));
        MDC.put(MDC_KEY, id);
        ctx.next();
    }

    public static String acceptOrGenerate(String candidate) {
        if (candidate != null && ACCEPTABLE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
