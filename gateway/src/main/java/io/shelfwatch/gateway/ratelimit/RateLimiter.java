package io.shelfwatch.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.shelfwatch.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Token buckets in Redis, shared by every gateway replica: one atomic Lua script refills a
 * bucket by the time elapsed (Redis's own clock, so replicas' clocks do not matter) and takes
 * one token. Redis away or slow: the request passes (fail open); /health shows Redis DOWN.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String KEY_PREFIX = "gateway:ratelimit:";

    // KEYS[1] bucket; ARGV[1] capacity, ARGV[2] refill per millisecond.
    // Returns {allowed, whole tokens left, ms until one token, ms until full}.
    private static final String TOKEN_BUCKET = """
            local capacity = tonumber(ARGV[1])
            local per_ms = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(bucket[1])
            local ts = tonumber(bucket[2])
            if tokens == nil or ts == nil then
              tokens = capacity
              ts = now
            end
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * per_ms)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            local until_full = math.ceil((capacity - tokens) / per_ms)
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], until_full + 1000)
            local until_one = 0
            if allowed == 0 then
              until_one = math.ceil((1 - tokens) / per_ms)
            end
            return {allowed, math.floor(tokens), until_one, until_full}
            """;

    // Redis keeps scripts by SHA-1: EVALSHA sends 40 bytes instead of the script on each request.
    private static final String TOKEN_BUCKET_SHA = sha1(TOKEN_BUCKET);

    private final ReactiveRedisDataSource redis;
    private final int burst;
    private final int anonPerMinute;
    private final int userPerMinute;
    private final Duration timeout;

    RateLimiter(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.burst = config.rateLimit().burst();
        this.anonPerMinute = config.rateLimit().anonPerMinute();
        this.userPerMinute = config.rateLimit().userPerMinute();
        this.timeout = config.rateLimit().redisTimeout();
    }

    public Uni<RateLimitDecision> forUser(String userId) {
        return take("user:" + userId, userPerMinute);
    }

    public Uni<RateLimitDecision> forAddress(String ip) {
        return take("ip:" + ip, anonPerMinute);
    }

    private Uni<RateLimitDecision> take(String bucket, int perMinute) {
        double perMs = perMinute / 60_000.0;
        String[] keysAndArgs = {"1", KEY_PREFIX + bucket, Integer.toString(burst), Double.toString(perMs)};
        return redis.execute("EVALSHA", prepend(TOKEN_BUCKET_SHA, keysAndArgs))
                // A restarted or flushed Redis has forgotten the script: EVAL loads it again.
                .onFailure(RateLimiter::scriptMissing).recoverWithUni(() -> redis.execute("EVAL", prepend(TOKEN_BUCKET, keysAndArgs)))
                .map(this::decision)
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Rate limiter failing open: %s", failure.getMessage());
                    return RateLimitDecision.UNLIMITED;
                });
    }

    private RateLimitDecision decision(Response reply) {
        boolean allowed = reply.get(0).toLong() == 1;
        long remaining = reply.get(1).toLong();
        long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds(reply.get(2).toLong()));
        return new RateLimitDecision(allowed, burst, remaining, retryAfter, ceilSeconds(reply.get(3).toLong()));
    }

    private static boolean scriptMissing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
