package io.shelfwatch.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What this gateway last heard from Redis about each bucket, so that a request to a bucket that
 * is far from empty is let through at once while its token is taken in Redis in the background,
 * instead of waiting a Redis round trip for a "yes" that cannot be anything else.
 *
 * <p>A view answers only while it is fresh (Redis answered for the bucket within the
 * configured freshness, 100 ms by default) and only while, after this request, at least half
 * the bucket would still be left. Its estimate is cautious: the tokens Redis reported,
 * refilled only from the moment this gateway received that answer, less every token asked of
 * Redis and not yet answered (this gateway's own, whether it waits for them or not). One gateway therefore never lets through a
 * request that Redis would refuse. Several replicas each see only their own asks: two bursting
 * at the same instant can each spend their half and no more than the bucket; with more replicas,
 * a simultaneous burst can overshoot by half a bucket per replica beyond the second, until the
 * next answer (at most one freshness later) corrects every view. Every token is still taken
 * in Redis, in arrival order, so the shared bucket stays exact.
 */
final class BucketViews {

    // How long an answer from Redis may be used to decide without asking again (0: never).
    private final long freshNanos;

    /** One bucket as last seen; guarded by its own monitor (event loops share it). */
    private static final class View {
        double tokens;
        long heardAtNanos;
        // Redis's clock at its latest answer; MIN_VALUE: no answer yet.
        long redisMicros = Long.MIN_VALUE;
        long asked;
    }

    // Views outlive a burst long enough to serve it; an idle caller's view is dropped.
    private final Cache<String, View> views = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofSeconds(10))
            // Upkeep on the calling event loop: on the default common pool, reads would wake a ForkJoin thread.
            .executor(Runnable::run)
            .build();

    BucketViews(Duration freshness) {
        this.freshNanos = freshness.toNanos();
    }

    /**
     * The decision for one more token of {@code key} without asking Redis first, or null when
     * Redis must decide. A decision returned here counts as asked: the caller sends the take.
     */
    RateLimitDecision decideAhead(String key, int capacity, int perMinute) {
        View view = freshNanos == 0 ? null : views.getIfPresent(key);
        if (view == null) {
            return null;
        }
        synchronized (view) {
            long now = System.nanoTime();
            if (view.redisMicros == Long.MIN_VALUE || now - view.heardAtNanos > freshNanos) {
                return null;
            }
            double perNano = perMinute / 60e9;
            double estimate = Math.min(capacity, view.tokens + (now - view.heardAtNanos) * perNano) - view.asked;
            double left = estimate - 1;
            if (left < capacity / 2.0) {
                return null;
            }
            view.asked++;
            long untilFullMillis = (long) Math.ceil((capacity - left) / (perNano * 1e6));
            return new RateLimitDecision(true, capacity, (long) Math.floor(left), 0, RateLimitDecision.ceilSeconds(untilFullMillis));
        }
    }

    /** {@code count} tokens of {@code key} are asked of Redis by requests that wait for its answer. */
    void asked(String key, int count) {
        View view = views.get(key, k -> new View());
        synchronized (view) {
            view.asked += count;
        }
    }

    /**
     * Redis answered the {@code count} asked tokens of {@code key}: the bucket held
     * {@code tokensLeft} at {@code redisMicros} (its own clock) after taking them. A null
     * time means no answer (Redis away, or too slow): the asks are settled, the view is not.
     */
    void answered(String key, int count, double tokensLeft, Long redisMicros) {
        View view = views.get(key, k -> new View());
        synchronized (view) {
            view.asked = Math.max(0, view.asked - count);
            // Answers from different event loops' connections can arrive out of order: keep the latest state.
            if (redisMicros != null && redisMicros >= view.redisMicros) {
                view.redisMicros = redisMicros;
                view.tokens = tokensLeft;
                view.heardAtNanos = System.nanoTime();
            }
        }
    }
}
