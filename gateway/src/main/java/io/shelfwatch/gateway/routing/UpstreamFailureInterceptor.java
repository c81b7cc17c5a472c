package io.shelfwatch.gateway.routing;

import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.shelfwatch.gateway.error.ErrorBody;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.shelfwatch.gateway.error.GatewayError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Turns a failed upstream exchange into the gateway's own error (503 unreachable, 504 timed
 * out, 502 anything else) in the path's error shape. Without it the library answers a bare
 * 502 with an empty body. Registered first, so it sees the failure of every later step.
 * Every exchange runs through the upstream's circuit breaker: failures open it, and while it
 * is open requests get a 503 at once, without waiting on the upstream.
 */
final class UpstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailureInterceptor.class);

    private final Upstream upstream;
    private final CircuitBreaker breaker;
    private final long retryAfterSeconds;

    UpstreamFailureInterceptor(Upstream upstream, CircuitBreaker breaker, long retryAfterSeconds) {
        this.upstream = upstream;
        this.breaker = breaker;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return breaker.<ProxyResponse>execute(promise -> context.sendRequest().onComplete(result -> {
                    if (result.failed() && RequestBodyCap.exceeded(context)) {
                        // The client's fault, not the upstream's: answered, and not counted by the breaker.
                        promise.complete(errorResponse(context, GatewayError.PAYLOAD_TOO_LARGE, result.cause()));
                    } else if (result.failed() && clientHungUp(context)) {
                        // The client went away and the proxy cancelled the upstream exchange: the upstream did
                        // nothing wrong, so the breaker must not count it. This empty answer is never sent
                        // (handleProxyResponse sees the client gone).
                        LOG.debugf("%s %s: the client hung up before %s answered", context.request().getMethod(),
                                context.request().proxiedRequest().path(), upstream.serviceName());
                        promise.complete(context.request().release().response());
                    } else {
                        promise.handle(result);
                    }
                }))
                .recover(failure -> Future.succeededFuture(errorResponse(context, classify(failure), failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (clientHungUp(context)) {
            // Vert.x counted the exchange in /metrics when the client's connection closed (status RESET).
            // Anything sent now would be counted a second time: the library, failing to send the answer
            // on the closed connection, would count a 502 that no client received.
            context.response().release();
            return Future.succeededFuture();
        }
        return context.sendResponse();
    }

    private ProxyResponse errorResponse(ProxyContext context, GatewayError error, Throwable failure) {
        ProxyRequest request = context.request();
        String path = HttpUtils.normalizePath(request.proxiedRequest().path());
        LOG.warnf("%s %s -> %s failed, answering %d: %s",
                request.getMethod(), path, upstream.serviceName(), error.status(), failure.getMessage());
        // release() drains the client's request body, which nobody will read now.
        ProxyResponse response = request.release().response();
        if (error == GatewayError.CIRCUIT_OPEN) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return response
                .setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ErrorBody.CONTENT_TYPE)
                .setBody(Body.body(Buffer.buffer(error.body(path))));
    }

    private static boolean clientHungUp(ProxyContext context) {
        return context.request().proxiedRequest().response().closed();
    }

    static GatewayError classify(Throwable failure) {
        if (failure instanceof OpenCircuitException) {
            return GatewayError.CIRCUIT_OPEN;
        }
        if (failure instanceof UpstreamUnreachableException) {
            return GatewayError.SERVICE_UNAVAILABLE;
        }
        if (failure instanceof TimeoutException) {
            return GatewayError.GATEWAY_TIMEOUT;
        }
        return GatewayError.BAD_GATEWAY;
    }
}
