package io.shelfwatch.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * A bucket far from empty, by this gateway's fresh view of it ({@link BucketViews}), lets the
 * request through at once and its token is taken in the same batches without anyone waiting.
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
    private final BucketViews views;
    // How many decisions waited for Redis and how many did not: an operator's view of the shortcut.
    private final Counter decidedByRedis;
    private final Counter decidedAhead;

    RateLimiter(Vertx vertx, GatewayConfig config, @ConfigProperty(name = "quarkus.redis.hosts") String redisHosts,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.decidedByRedis = decisions(registry, "redis");
        this.decidedAhead = decisions(registry, "ahead");
        // The same Redis as the rest of the gateway (quarkus.redis.hosts, a standalone server: its first
        // address). One call in flight per event loop, plus a retry after NOSCRIPT: two connections do.
        this.redisOptions = new RedisOptions()
                .setConnectionString(redisHosts.split(",")[0].trim())
                .setMaxPoolSize(2)
                .setMaxPoolWaiting(64)
                // Named in /metrics the way Quarkus names its own Redis clients (redis_*{clientName="rate-limit"});
                // unnamed, their series were m__* under the default client's name.
                .setMetricsName("redis|rate-limit");
        this.burst = config.rateLimit().burst();
        this.anonPerMinute = config.rateLimit().anonPerMinute();
        this.userPerMinute = config.rateLimit().userPerMinute();
        this.timeoutMillis = Math.max(1, config.rateLimit().redisTimeout().toMillis());
        this.views = new BucketViews(config.rateLimit().viewFreshness());
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
                take(key, perMinute, batchOf(request), request, emitter::complete);
            } else {
                // Not on an event loop (e.g. after a timeout fired on a timer thread): batches live on event loops.
                ContextInternal loop = (ContextInternal) vertx.getOrCreateContext();
                loop.runOnContext(ignored -> take(key, perMinute, batchOf(loop), loop, emitter::complete));
            }
        });
    }

    private void take(String key, int perMinute, RateLimitBatch batch, ContextInternal context, Consumer<RateLimitDecision> decided) {
        RateLimitDecision ahead = views.decideAhead(key, burst, perMinute);
        if (ahead == null) {
            decidedByRedis.increment();
            batch.take(key, burst, perMinute, context, decided);
        } else {
            decidedAhead.increment();
            // The request goes upstream first; its token follows in this loop's next script call.
            decided.accept(ahead);
            batch.takeDecidedAhead(key, burst, perMinute);
        }
    }

    private static Counter decisions(MeterRegistry registry, String decidedBy) {
        return Counter.builder("gateway.rate.limit.decisions")
                .description("Rate-limit decisions, by whether the request waited for Redis or was let through ahead of its answer")
                .tag("decided_by", decidedBy)
                .register(registry);
    }

    private RateLimitBatch batchOf(ContextInternal context) {
        ContextInternal loop = context.unwrap();
        return (RateLimitBatch) loop.contextData().computeIfAbsent(BATCH, ignored -> {
            // A pool name that says whose it is and survives restarts (the default is a new random one each start).
            Redis client = Redis.createClient(vertx,
                    new RedisOptions(redisOptions).setPoolName("rate-limit@" + Thread.currentThread().getName()));
            clients.add(client);
            return new RateLimitBatch(loop, client, timeoutMillis, views);
        });
    }

    @PreDestroy
    void close() {
        clients.forEach(Redis::close);
    }
}
