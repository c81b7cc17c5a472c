package io.shelfwatch.gateway.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.shelfwatch.gateway.config.GatewayConfig;
import io.shelfwatch.gateway.routing.Upstream;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Asks every service for its readiness and pings the gateway's Redis, all at once, each
 * bounded by the health timeout. Anything but a 200 in time counts as DOWN; nothing here
 * ever fails, so /health always answers.
 */
@ApplicationScoped
public class SuiteHealth {

    private static final String READINESS_PATH = "/q/health/ready";

    private final GatewayConfig config;
    private final ReactiveRedisDataSource redis;
    private final WebClient client;
    private final Duration timeout;

    SuiteHealth(GatewayConfig config, ReactiveRedisDataSource redis, Vertx vertx) {
        this.config = config;
        this.redis = redis;
        this.timeout = config.healthTimeout();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                // Probes are rare; no point keeping idle connections to every service.
                .setKeepAlive(false));
    }

    public Uni<HealthReport> check() {
        List<Uni<String>> probes = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            probes.add(serviceState(upstream));
        }
        probes.add(redisState());
        return Uni.combine().all().unis(probes).with(states -> {
            Map<String, String> services = new LinkedHashMap<>();
            Upstream[] upstreams = Upstream.values();
            for (int i = 0; i < upstreams.length; i++) {
                services.put(upstreams[i].serviceName(), (String) states.get(i));
            }
            return new HealthReport(services, (String) states.get(upstreams.length));
        });
    }

    private Uni<String> serviceState(Upstream upstream) {
        Uni<String> state = client.getAbs(upstream.baseUrl(config) + READINESS_PATH)
                .timeout(timeout.toMillis())
                .send()
                .map(response -> response.statusCode() == 200 ? HealthReport.UP : HealthReport.DOWN);
        return bounded(state);
    }

    private Uni<String> redisState() {
        Uni<String> state = redis.execute("PING")
                .map(reply -> reply != null && "PONG".equalsIgnoreCase(reply.toString())
                        ? HealthReport.UP
                        : HealthReport.DOWN);
        return bounded(state);
    }

    private Uni<String> bounded(Uni<String> state) {
        return state
                .ifNoItem().after(timeout).recoverWithItem(HealthReport.DOWN)
                .onFailure().recoverWithItem(HealthReport.DOWN);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
