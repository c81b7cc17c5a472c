package io.shelfwatch.gateway.routing;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * Opens the request to one upstream. Unlike the library's fixed-address origin it sets the
 * upstream's Host and TLS, bounds the wait for the response, and marks a failed connection
 * so it can be told apart from a slow upstream. A failed connection is retried once for
 * idempotent methods only (nothing has been sent yet, but a POST is never risked twice).
 */
final class UpstreamOrigin implements OriginRequestProvider {

    private final Upstream upstream;
    private final UpstreamAddress address;
    private final long idleTimeoutMillis;

    UpstreamOrigin(Upstream upstream, UpstreamAddress address, Duration idleTimeout) {
        this.upstream = upstream;
        this.address = address;
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        RequestOptions options = new RequestOptions()
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(address.ssl())
                // Idle, not total: a long streamed response is fine as long as it keeps flowing.
                .setIdleTimeout(idleTimeoutMillis);
        Future<HttpClientRequest> attempt = context.client().request(options);
        if (IdempotentMethods.contains(context.request().getMethod())) {
            attempt = attempt.recover(first -> context.client().request(options));
        }
        return attempt
                .recover(cause -> Future.failedFuture(new UpstreamUnreachableException(upstream, cause)));
    }
}
