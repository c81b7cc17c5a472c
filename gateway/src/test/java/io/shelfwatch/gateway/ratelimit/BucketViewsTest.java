package io.shelfwatch.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** When the gateway may let a request through before Redis answers, and what it then tells the caller. */
class BucketViewsTest {

    private static final String KEY = "gateway:ratelimit:user:u-1";
    private static final int CAPACITY = 20;
    // One token a minute: nothing refills while a test runs.
    private static final int PER_MINUTE = 1;

    private static final Duration FRESHNESS = Duration.ofMillis(100);

    private final BucketViews views = new BucketViews(FRESHNESS);

    @Test
    void aBucketRedisHasNotAnsweredForIsLeftToRedis() {
        assertNull(views.decideAhead(KEY, CAPACITY, PER_MINUTE));
        views.asked(KEY, 1);
        assertNull(views.decideAhead(KEY, CAPACITY, PER_MINUTE), "asked but not yet answered");
    }

    @Test
    void aFreshViewCountsDownOneTokenPerRequestUntilHalfTheBucketIsLeft() {
        views.asked(KEY, 1);
        views.answered(KEY, 1, 19, 1_000L);
        for (long remaining = 18; remaining >= CAPACITY / 2; remaining--) {
            RateLimitDecision decision = views.decideAhead(KEY, CAPACITY, PER_MINUTE);
            assertNotNull(decision, "remaining " + remaining);
            assertTrue(decision.allowed());
            assertEquals(CAPACITY, decision.limit());
            assertEquals(remaining, decision.remaining());
        }
        assertNull(views.decideAhead(KEY, CAPACITY, PER_MINUTE), "fewer than half left: Redis decides");
    }

    @Test
    void tokensAskedByRequestsStillWaitingForRedisAreNotSpentTwice() {
        views.asked(KEY, 1);
        views.answered(KEY, 1, 19, 1_000L);
        views.asked(KEY, 5); // five requests of another event loop wait for Redis
        assertEquals(13, views.decideAhead(KEY, CAPACITY, PER_MINUTE).remaining());
        // Redis answered the five and the one decided ahead: 13 left, nothing outstanding.
        views.answered(KEY, 6, 13, 2_000L);
        assertEquals(12, views.decideAhead(KEY, CAPACITY, PER_MINUTE).remaining());
    }

    @Test
    void anOlderAnswerArrivingLateDoesNotBringBackSpentTokens() {
        views.asked(KEY, 2);
        views.answered(KEY, 1, 10, 2_000L); // ran second in Redis, arrived first
        views.answered(KEY, 1, 19, 1_000L); // ran first, arrived late: its count settles, its state is old
        assertNull(views.decideAhead(KEY, CAPACITY, PER_MINUTE), "10 left, 9 after this request: less than half");
    }

    @Test
    void aFreshnessOfZeroLeavesEveryDecisionToRedis() {
        BucketViews off = new BucketViews(Duration.ZERO);
        off.asked(KEY, 1);
        off.answered(KEY, 1, 19, 1_000L);
        assertNull(off.decideAhead(KEY, CAPACITY, PER_MINUTE));
    }

    @Test
    void noAnswerFromRedisSettlesTheAsksButTeachesNothing() {
        views.asked(KEY, 1);
        views.answered(KEY, 1, 0, null);
        assertNull(views.decideAhead(KEY, CAPACITY, PER_MINUTE));
    }

    @Test
    void aViewOlderThanItsFreshnessIsNotUsed() throws InterruptedException {
        views.asked(KEY, 1);
        views.answered(KEY, 1, 19, 1_000L);
        Thread.sleep(FRESHNESS.toMillis() + 20);
        assertNull(views.decideAhead(KEY, CAPACITY, PER_MINUTE), "another replica may have spent the bucket since");
    }
}
