package io.shelfwatch.gateway.ratelimit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;

/**
 * The rate-limit requests of one event loop, sent to Redis in batches: while one script call is
 * in flight, the requests that arrive meanwhile wait, and then all go in the next call, one
 * entry per bucket with the number of tokens wanted. An idle gateway sends each request at once;
 * a busy one makes one Redis call per round trip instead of one per request (a single Redis
 * serves every replica, and it spent more time reading and answering calls than running them).
 * The script takes each bucket's tokens in arrival order, so a batch decides exactly what the
 * same requests one by one would have.
 *
 * <p>A request that {@link BucketViews} let through already is in the batch too, with no one
 * waiting: its token is taken all the same, and every answer updates the views.
 *
 * <p>Only its event loop's thread touches a batch's state; each request's decision is handed
 * back on that request's own Vert.x context (its request id, its locals). Redis away or slower
 * than the timeout: the whole batch passes (fail open).
 */
final class RateLimitBatch {

    private static final Logger LOG = Logger.getLogger(RateLimitBatch.class);

    // Tokens of requests let through ahead wait this long for company before a call of their own:
    // nobody waits for them, and one call for a few of them costs Redis and this loop much less.
    private static final long AHEAD_GATHER_MILLIS = 2;

    /** One request's token, and the context its decision goes back on (none: decided ahead, nobody waits). */
    private record Waiter(ContextInternal context, Consumer<RateLimitDecision> decided) {

        static final Waiter DECIDED_AHEAD = new Waiter(null, null);
    }

    /** The requests of one batch that want a token from the same bucket, in arrival order. */
    private static final class Bucket {
        final int capacity;
        final int perMinute;
        final List<Waiter> waiters = new ArrayList<>(4);

        Bucket(int capacity, int perMinute) {
            this.capacity = capacity;
            this.perMinute = perMinute;
        }
    }

    /** One script call's buckets; settled once, by the reply or by the timeout, whichever comes first. */
    private static final class Call {
        final Map<String, Bucket> buckets;
        boolean settled;
        long timer = -1;

        Call(Map<String, Bucket> buckets) {
            this.buckets = buckets;
        }
    }

    private final ContextInternal owner;
    private final Vertx vertx;
    private final Redis redis;
    private final long timeoutMillis;
    private final BucketViews views;
    private Map<String, Bucket> waiting = new LinkedHashMap<>();
    private boolean inFlight;
    private long gatherTimer = -1;

    RateLimitBatch(ContextInternal owner, Redis redis, long timeoutMillis, BucketViews views) {
        this.owner = owner;
        this.vertx = owner.owner();
        this.redis = redis;
        this.timeoutMillis = timeoutMillis;
        this.views = views;
    }

    /** Queues one request for a token of {@code key}; called on this batch's event loop. */
    void take(String key, int capacity, int perMinute, ContextInternal requestContext, Consumer<RateLimitDecision> decided) {
        views.asked(key, 1);
        queue(key, capacity, perMinute, new Waiter(requestContext, decided));
    }

    /** Queues the token of a request {@link BucketViews} let through already (and counted as asked). */
    void takeDecidedAhead(String key, int capacity, int perMinute) {
        queue(key, capacity, perMinute, Waiter.DECIDED_AHEAD);
    }

    private void queue(String key, int capacity, int perMinute, Waiter waiter) {
        waiting.computeIfAbsent(key, k -> new Bucket(capacity, perMinute)).waiters.add(waiter);
        if (inFlight) {
            return;
        }
        if (waiter != Waiter.DECIDED_AHEAD) {
            sendWaiting();
        } else if (gatherTimer < 0) {
            gatherTimer = vertx.setTimer(AHEAD_GATHER_MILLIS, id -> {
                gatherTimer = -1;
                if (!inFlight) {
                    sendWaiting();
                }
            });
        }
    }

    private void sendWaiting() {
        if (gatherTimer >= 0) {
            vertx.cancelTimer(gatherTimer);
            gatherTimer = -1;
        }
        if (waiting.isEmpty()) {
            return;
        }
        Call call = new Call(waiting);
        waiting = new LinkedHashMap<>();
        inFlight = true;
        call.timer = vertx.setTimer(timeoutMillis, id -> settle(call, null, "no answer in " + timeoutMillis + " ms"));
        send(call, false);
    }

    private void send(Call call, boolean withSource) {
        List<TokenBucketScript.Take> takes = new ArrayList<>(call.buckets.size());
        call.buckets.forEach((key, bucket) -> takes.add(
                new TokenBucketScript.Take(key, bucket.capacity, bucket.perMinute, bucket.waiters.size())));
        redis.send(TokenBucketScript.call(takes, withSource)).onComplete(result -> owner.emit(null, ignored -> {
            if (result.failed() && !withSource && TokenBucketScript.scriptMissing(result.cause())) {
                // A restarted or flushed Redis has forgotten the script: EVAL loads it again.
                send(call, true);
            } else if (result.failed()) {
                settle(call, null, result.cause().getMessage());
            } else {
                settle(call, result.result(), null);
            }
        }));
    }

    private void settle(Call call, Response reply, String failure) {
        if (call.settled) {
            return; // the timeout came first: these requests have passed already
        }
        call.settled = true;
        vertx.cancelTimer(call.timer);
        inFlight = false;
        if (reply == null) {
            LOG.debugf("Rate limiter failing open for %d buckets: %s", call.buckets.size(), failure);
        }
        Long redisMicros = reply == null ? null : TokenBucketScript.redisMicros(reply, call.buckets.size());
        int index = 0;
        for (Map.Entry<String, Bucket> entry : call.buckets.entrySet()) {
            Bucket bucket = entry.getValue();
            TokenBucketScript.Taken taken = reply == null ? null : TokenBucketScript.taken(reply, index++);
            views.answered(entry.getKey(), bucket.waiters.size(), taken == null ? 0 : taken.exactTokensLeft(), redisMicros);
            for (int i = 0; i < bucket.waiters.size(); i++) {
                Waiter waiter = bucket.waiters.get(i);
                if (waiter == Waiter.DECIDED_AHEAD) {
                    continue;
                }
                RateLimitDecision decision = taken == null ? RateLimitDecision.UNLIMITED : decision(bucket, taken, i);
                waiter.context().emit(decision, waiter.decided()::accept);
            }
        }
        if (!inFlight) {
            sendWaiting();
        }
    }

    /** The decision for the bucket's request number {@code position} (0 = first to arrive). */
    private static RateLimitDecision decision(Bucket bucket, TokenBucketScript.Taken taken, int position) {
        boolean allowed = position < taken.granted();
        long remaining = allowed ? (long) Math.floor(taken.tokensBefore() - position - 1) : taken.tokensLeft();
        long retryAfter = allowed ? 0 : Math.max(1, RateLimitDecision.ceilSeconds(taken.msUntilOne()));
        return new RateLimitDecision(allowed, bucket.capacity, remaining, retryAfter, RateLimitDecision.ceilSeconds(taken.msUntilFull()));
    }
}
