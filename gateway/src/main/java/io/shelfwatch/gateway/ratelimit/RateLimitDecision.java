package io.shelfwatch.gateway.ratelimit;

/**
 * One bucket's answer. {@code limit} is the bucket's capacity (the burst), {@code remaining}
 * whole tokens left, {@code retryAfterSeconds} until one token is back (refused requests),
 * {@code resetSeconds} until the bucket is full again. {@link #UNLIMITED}: not limited
 * (exempt, or Redis away and the limiter failing open).
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long retryAfterSeconds, long resetSeconds) {

    public static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, -1, -1, 0, 0);

    public boolean limited() {
        return limit >= 0;
    }

    /** Whole seconds, rounded up, as the X-RateLimit-Reset and Retry-After headers count them. */
    static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
