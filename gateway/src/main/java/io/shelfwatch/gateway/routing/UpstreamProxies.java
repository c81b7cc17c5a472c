package io.shelfwatch.gateway.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/**
 * The Vert.x reverse proxies to the upstreams, one circuit breaker per upstream, and one pooled
 * HTTP client per event loop.
 *
 * <p>Why a client per event loop: a Vert.x client's pool hands any of its connections to any
 * caller, and a connection lives on the event loop that opened it, so with one shared client most
 * proxied requests crossed to another thread to write upstream and crossed back with the answer
 * (a wake-up of the other loop each way, the gateway's largest cost under load). A client used
 * by one event loop only opens its connections there, and a request stays on its thread from
 * the client's socket to the upstream's and back.
 */
@Singleton
public class UpstreamProxies {

    // Where an event loop's proxies live: in its (non-duplicated) context's data.
    private static final Object LOOP_PROXIES = UpstreamProxies.class;

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Map<Upstream, CircuitBreaker> breakers = new EnumMap<>(Upstream.class);
    private final Map<Upstream, UpstreamAddress> addresses = new EnumMap<>(Upstream.class);
    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();

    UpstreamProxies(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
        for (Upstream upstream : Upstream.values()) {
            addresses.put(upstream, UpstreamAddress.parse(upstream.baseUrl(config)));
            breakers.put(upstream, CircuitBreaker.create("upstream-" + upstream.serviceName(), vertx,
                    new CircuitBreakerOptions()
                            .setMaxFailures(config.breaker().failureThreshold())
                            .setResetTimeout(config.breaker().resetTimeout().toMillis())
                            // The origin bounds every exchange itself (504); the breaker only counts.
                            .setTimeout(-1)
                            .setMaxRetries(0)
                            // No rolling metrics published on the event bus: nothing reads them, and they cost
                            // every proxied request a histogram update (/metrics has the gateway's own).
                            .setNotificationAddress(null)));
        }
    }

    /** The proxy to {@code upstream} of the event loop this runs on (a shared one off the event loops). */
    public HttpProxy proxyFor(Upstream upstream) {
        Context current = Vertx.currentContext();
        ContextInternal loop = current == null ? null : ((ContextInternal) current).unwrap();
        if (loop == null || !loop.isEventLoopContext()) {
            loop = ((ContextInternal) vertx.getOrCreateContext()).unwrap();
        }
        @SuppressWarnings("unchecked")
        Map<Upstream, HttpProxy> proxies = (Map<Upstream, HttpProxy>) loop.contextData()
                .computeIfAbsent(LOOP_PROXIES, ignored -> newProxies());
        return proxies.get(upstream);
    }

    private Map<Upstream, HttpProxy> newProxies() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.upstreamPoolSize()));
        clients.add(client);
        Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            CircuitBreaker breaker = breakers.get(upstream);
            proxies.put(upstream, HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(true), client)
                    .origin(new UpstreamOrigin(upstream, addresses.get(upstream), config.upstreamTimeout()))
                    // Order matters: the failure interceptor wraps everything after it.
                    .addInterceptor(new UpstreamFailureInterceptor(upstream, breaker,
                            Math.max(1, config.breaker().resetTimeout().toSeconds())))
                    .addInterceptor(new RequestBodyCap(config.maxBodySize()))
                    .addInterceptor(new ForwardRoutedPath())
                    .addInterceptor(new DropHopByHopHeaders())
                    // Last: a resend goes straight to the origin.
                    .addInterceptor(new ResendOnLostConnection(upstream)));
        }
        return proxies;
    }

    @PreDestroy
    void close() {
        breakers.values().forEach(CircuitBreaker::close);
        clients.forEach(HttpClient::close);
    }
}
