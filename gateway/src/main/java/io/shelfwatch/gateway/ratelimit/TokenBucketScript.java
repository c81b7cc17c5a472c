package io.shelfwatch.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The token-bucket script: one atomic call refills any number of buckets by the time elapsed
 * (Redis's own clock, so replicas' clocks do not matter) and takes n tokens from each, as many
 * as it holds. One call serves a whole batch of requests (see {@link RateLimitBatch}).
 */
final class TokenBucketScript {

    /** One bucket of a call: its key, its capacity and refill, and how many requests want a token. */
    record Take(String key, int capacity, int perMinute, int wanted) {
    }

    /**
     * One bucket's answer: {@code granted} of the wanted tokens (the first requests in arrival
     * order get them), the tokens it held before (a fraction), the tokens left, ms until the next
     * whole token (when some were refused) and ms until it is full.
     */
    record Taken(int granted, double tokensBefore, long tokensLeft, long msUntilOne, long msUntilFull) {

        /** The tokens left after this call, with their fraction. */
        double exactTokensLeft() {
            return tokensBefore - granted;
        }
    }

    // KEYS: the buckets; ARGV: capacity, refill per ms and wanted tokens of each, in KEYS order.
    // Returns per bucket {granted, tokens before (text: Lua numbers come back as integers), whole
    // tokens left, ms until one token, ms until full}, then Redis's time of the call in microseconds.
    static final String SOURCE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local out = {}
            for i, key in ipairs(KEYS) do
              local capacity = tonumber(ARGV[3 * i - 2])
              local per_ms = tonumber(ARGV[3 * i - 1])
              local wanted = tonumber(ARGV[3 * i])
              local bucket = redis.call('HMGET', key, 'tokens', 'ts')
              local tokens = tonumber(bucket[1])
              local ts = tonumber(bucket[2])
              if tokens == nil or ts == nil then
                tokens = capacity
                ts = now
              end
              tokens = math.min(capacity, tokens + math.max(0, now - ts) * per_ms)
              local before = tokens
              local granted = math.min(wanted, math.floor(tokens))
              tokens = tokens - granted
              local until_full = math.ceil((capacity - tokens) / per_ms)
              redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
              redis.call('PEXPIRE', key, until_full + 1000)
              local until_one = 0
              if granted < wanted then
                until_one = math.ceil((1 - tokens) / per_ms)
              end
              local base = 5 * (i - 1)
              out[base + 1] = granted
              out[base + 2] = tostring(before)
              out[base + 3] = math.floor(tokens)
              out[base + 4] = until_one
              out[base + 5] = until_full
            end
            out[5 * #KEYS + 1] = now_us
            return out
            """;

    // Redis keeps scripts by SHA-1: EVALSHA sends 40 bytes instead of the script on each call.
    static final String SHA = sha1(SOURCE);

    private TokenBucketScript() {
    }

    /** EVALSHA, or EVAL with the source when Redis has forgotten the script (restarted, flushed). */
    static Request call(List<Take> takes, boolean withSource) {
        Request request = withSource ? Request.cmd(Command.EVAL).arg(SOURCE) : Request.cmd(Command.EVALSHA).arg(SHA);
        request.arg(takes.size());
        for (Take take : takes) {
            request.arg(take.key());
        }
        for (Take take : takes) {
            request.arg(take.capacity()).arg(Double.toString(take.perMinute() / 60_000.0)).arg(take.wanted());
        }
        return request;
    }

    static Taken taken(Response reply, int bucket) {
        int base = 5 * bucket;
        return new Taken(reply.get(base).toInteger(), Double.parseDouble(reply.get(base + 1).toString()),
                reply.get(base + 2).toLong(), reply.get(base + 3).toLong(), reply.get(base + 4).toLong());
    }

    /** Redis's clock when it ran the call, in microseconds: orders answers that arrive out of order. */
    static long redisMicros(Response reply, int buckets) {
        return reply.get(5 * buckets).toLong();
    }

    static boolean scriptMissing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
