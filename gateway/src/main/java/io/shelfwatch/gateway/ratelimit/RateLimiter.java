package io.shelfwatch.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/**
 * Token buckets in Redis, shared by every gateway replica: per user for signed-in callers, per
 * IP for anonymous ones, each refilled by the minute up to the burst capacity. Each event loop
 * batches its requests into one script call per Redis round trip ({@link RateLimitBatch}), over
 * a Redis client of its own: like the upstream clients ({@code UpstreamProxies}), a client shared
 * by all event loops would answer most requests on another loop's thread and wake it each time.
 * Redis away or slow: the request passes (fail open); /health shows Redis DOWN.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String KEY_PREFIX = "gateway:ratelimit:";
    // Where an event loop's batch lives: in its (non-duplicated) context's data.
    private static final Object BATCH = RateLimitBatch.class;

    private final Vertx vertx;
    private final RedisOptions redisOptions;
    private final List<Redis> clients = new CopyOnWriteArrayList<>();
    private final int burst;
    private final int anonPerMinute;
    private final int userPerMinute;
    private final long timeoutMillis;

    RateLimiter(Vertx vertx, GatewayConfig config, @ConfigProperty(name = "quarkus.redis.hosts") String redisHosts) {
        this.vertx = vertx;
        // The same Redis as the rest of the gateway (quarkus.redis.hosts, a standalone server: its first
        // address). One call in flight per event loop, plus a retry after NOSCRIPT: two connections do.
        this.redisOptions = new RedisOptions()
                .setConnectionString(redisHosts.split(",")[0].trim())
                .setMaxPoolSize(2)
                .setMaxPoolWaiting(64);
        this.burst = config.rateLimit().burst();
        this.anonPerMinute = config.rateLimit().anonPerMinute();
        this.userPerMinute = config.rateLimit().userPerMinute();
        this.timeoutMillis = Math.max(1, config.rateLimit().redisTimeout().toMillis());
    }

    public Uni<RateLimitDecision> forUser(String userId) {
        return take("user:" + userId, userPerMinute);
    }

    public Uni<RateLimitDecision> forAddress(String ip) {
        return take("ip:" + ip, anonPerMinute);
    }

    private Uni<RateLimitDecision> take(String bucket, int perMinute) {
        String key = KEY_PREFIX + bucket;
        return Uni.createFrom().emitter(emitter -> {
            Context current = Vertx.currentContext();
            if (current != null && current.isEventLoopContext()) {
                ContextInternal request = (ContextInternal) current;
                batchOf(request).take(key, burst, perMinute, request, emitter::complete);
            } else {
                // Not on an event loop (e.g. after a timeout fired on a timer thread): batches live on event loops.
                ContextInternal loop = (ContextInternal) vertx.getOrCreateContext();
                loop.runOnContext(ignored -> batchOf(loop).take(key, burst, perMinute, loop, emitter::complete));
            }
        });
    }

    private RateLimitBatch batchOf(ContextInternal context) {
        ContextInternal loop = context.unwrap();
        return (RateLimitBatch) loop.contextData().computeIfAbsent(BATCH, ignored -> {
            Redis client = Redis.createClient(vertx, redisOptions);
            clients.add(client);
            return new RateLimitBatch(loop, client, timeoutMillis);
        });
    }

    @PreDestroy
    void close() {
        clients.forEach(Redis::close);
    }
}
