package io.shelfwatch.gateway.routing;

import java.io.IOException;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends an idempotent request without a body once more, on another pooled connection, when the
 * connection it went out on was lost before the upstream answered.
 *
 * <p>A pooled keep-alive connection can be closed under a request that did nothing wrong: the
 * upstream may close an idle connection as the request is written, and Vert.x's HTTP/1.1 client
 * closes a connection when an earlier exchange on it is reset late (vert.x#6294: a client of the
 * gateway hanging up as its answer arrives resets a finished exchange whose connection already
 * carries the next request). Without this, that next request got a 502 and counted against the
 * upstream's circuit breaker. Nothing with a body is sent twice (the body has been streamed
 * already), nor anything non-idempotent; a slow upstream (504) is not asked twice either.
 *
 * <p>Last in the interceptor chain, so sending again goes straight to the origin: everything
 * before it has already shaped the request.
 */
final class ResendOnLostConnection implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ResendOnLostConnection.class);

    private final Upstream upstream;

    ResendOnLostConnection(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            ProxyRequest request = context.request();
            if (!connectionLost(failure) || !resendable(request) || request.proxiedRequest().response().closed()) {
                return Future.failedFuture(failure);
            }
            LOG.debugf("%s %s: the connection to %s was lost before it answered (%s); sending it once more",
                    request.getMethod(), request.proxiedRequest().path(), upstream.serviceName(), failure.getMessage());
            // The client's (empty) body stream has ended with the first attempt: the second has none.
            request.setBody(null);
            return context.sendRequest();
        });
    }

    private static boolean connectionLost(Throwable failure) {
        return failure instanceof HttpClosedException
                || failure instanceof StreamResetException
                || failure instanceof IOException;
    }

    private static boolean resendable(ProxyRequest request) {
        String length = request.proxiedRequest().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean bodiless = (length == null || "0".equals(length.trim())) && !RequestBodyCap.streamsABody(request.proxiedRequest());
        return bodiless && IdempotentMethods.contains(request.getMethod());
    }
}
