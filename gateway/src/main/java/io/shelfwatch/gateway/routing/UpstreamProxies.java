package io.shelfwatch.gateway.routing;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/** One Vert.x reverse proxy and one circuit breaker per upstream, sharing one pooled HTTP client. */
@Singleton
public class UpstreamProxies {

    private final HttpClient client;
    private final Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);
    private final Map<Upstream, CircuitBreaker> breakers = new EnumMap<>(Upstream.class);

    UpstreamProxies(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.upstreamPoolSize()));
        for (Upstream upstream : Upstream.values()) {
            UpstreamAddress address = UpstreamAddress.parse(upstream.baseUrl(config));
            CircuitBreaker breaker = CircuitBreaker.create("upstream-" + upstream.serviceName(), vertx,
                    new CircuitBreakerOptions()
                            .setMaxFailures(config.breaker().failureThreshold())
                            .setResetTimeout(config.breaker().resetTimeout().toMillis())
                            // The origin bounds every exchange itself (504); the breaker only counts.
                            .setTimeout(-1)
                            .setMaxRetries(0));
            breakers.put(upstream, breaker);
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(true), client)
                    .origin(new UpstreamOrigin(upstream, address, config.upstreamTimeout()))
                    // Order matters: the failure interceptor wraps everything after it.
                    .addInterceptor(new UpstreamFailureInterceptor(upstream, breaker,
                            Math.max(1, config.breaker().resetTimeout().toSeconds())))
                    .addInterceptor(new RequestBodyCap(config.maxBodySize()))
                    .addInterceptor(new ForwardRoutedPath())
                    .addInterceptor(new DropHopByHopHeaders());
            proxies.put(upstream, proxy);
        }
    }

    public HttpProxy proxyFor(Upstream upstream) {
        return proxies.get(upstream);
    }

    @PreDestroy
    void close() {
        breakers.values().forEach(CircuitBreaker::close);
        client.close();
    }
}
