package io.shelfwatch.connector.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Amazon's token buckets, one per connection and operation, kept in Redis so every replica
 * draws from the same bucket. A caller reserves a token and learns how long to wait for it
 * (the bucket may go negative: callers queue up in order). The rate Amazon reports in
 * `x-amzn-RateLimit-Limit` replaces the documented one. Redis down: a bucket in this JVM.
 */
@ApplicationScoped
public class RateLimiter {

    /** Amazon's documented rate (requests per second) and burst of an operation. */
    public record Limit(double rate, int burst) {
    }

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private static final String RESERVE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local rate = tonumber(redis.call('HGET', KEYS[1], 'rate') or ARGV[1])
            local burst = tonumber(ARGV[2])
            local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens') or burst)
            local ts = tonumber(redis.call('HGET', KEYS[1], 'ts') or now)
            tokens = math.min(burst, tokens + (now - ts) * rate / 1000) - 1
            local wait = 0
            if tokens < 0 then wait = math.ceil(-tokens * 1000 / rate) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 60000)
            return wait
            """;

    private final ReactiveRedisDataSource redis;
    private final ConnectorConfig config;
    private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();

    public RateLimiter(ReactiveRedisDataSource redis, ConnectorConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Milliseconds to wait before the request may go out. */
    public Uni<Long> reserve(String bucket, Limit limit) {
        double rate = limit.rate() * config.spApi().rateScale();
        String key = key(bucket);
        return redis.execute("EVAL", RESERVE, "1", key, Double.toString(rate), Integer.toString(limit.burst()))
                .map(response -> response.toLong())
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("rate limit bucket in Redis unavailable (%s), using this replica's",
                            failure.getClass().getSimpleName());
                    return local.computeIfAbsent(key, k -> new LocalBucket(rate, limit.burst())).reserve();
                });
    }

    /** Amazon's own figure for this connection and operation, from `x-amzn-RateLimit-Limit`. */
    public Uni<Void> learn(String bucket, double amazonRate) {
        if (!(amazonRate > 0)) {
            return Uni.createFrom().voidItem();
        }
        double rate = amazonRate * config.spApi().rateScale();
        String key = key(bucket);
        LocalBucket own = local.get(key);
        if (own != null) {
            own.rate(rate);
        }
        return redis.execute("HSET", key, "rate", Double.toString(rate)).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private String key(String bucket) {
        return config.redisKeyPrefix() + "ratelimit:" + bucket;
    }

    /** The same bucket in memory, for when Redis cannot be reached. */
    static final class LocalBucket {
        private double rate;
        private final int burst;
        private double tokens;
        private long stamp = System.currentTimeMillis();

        LocalBucket(double rate, int burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized void rate(double rate) {
            this.rate = rate;
        }

        synchronized long reserve() {
            long now = System.currentTimeMillis();
            tokens = Math.min(burst, tokens + (now - stamp) * rate / 1000) - 1;
            stamp = now;
            return tokens < 0 ? (long) Math.ceil(-tokens * 1000 / rate) : 0;
        }
    }
}
