package io.shelfwatch.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/**
 * A bucket large enough that the gateway answers from its fresh view of the bucket while Redis
 * takes the tokens behind it (BucketViews): callers must see exactly what Redis alone would have
 * told them, and Redis must end up holding every token spent.
 */
@QuarkusTest
@TestProfile(RateLimitAheadTest.LargeBurst.class)
@WithTestResource(WireMockUpstreams.class)
class RateLimitAheadTest {

    static final int BURST = 40;
    // Longer than the default 100 ms, so that a slow test machine still finds its view fresh.
    static final Duration FRESHNESS = Duration.ofSeconds(2);

    public static class LargeBurst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.burst", Integer.toString(BURST),
                    "gateway.rate-limit.anon-per-minute", "6",
                    "gateway.rate-limit.user-per-minute", "6",
                    "gateway.rate-limit.redis-timeout", "5s",
                    "gateway.rate-limit.view-freshness", FRESHNESS.toMillis() + "ms");
        }
    }

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/brands/b-1")
    URL brandPath;

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void aBurstCountsDownOneTokenPerRequestThenIsRefusedAndRedisHoldsEveryTokenSpent() {
        String userId = Tokens.newUserId();
        String token = Tokens.forUser(userId);
        double aheadBefore = decisionsAhead();
        for (int i = 1; i <= BURST; i++) {
            given().header("Authorization", "Bearer " + token).get("/api/brands/b-1")
                    .then().statusCode(WireMockUpstreams.PROXIED_STATUS)
                    .header("X-RateLimit-Limit", Integer.toString(BURST))
                    .header("X-RateLimit-Remaining", Integer.toString(BURST - i));
        }
        given().header("Authorization", "Bearer " + token).get("/api/brands/b-1")
                .then().statusCode(429)
                .header("X-RateLimit-Remaining", "0");
        // The tokens answered ahead were taken in Redis too: the shared bucket is empty.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertTrue(bucketTokens(userId) < 1, "tokens left in Redis: " + bucketTokens(userId)));
        assertTrue(decisionsAhead() > aheadBefore, "no request was let through ahead of Redis's answer");
    }

    @Test
    void aCrowdAtOnceGetsExactlyTheBucketAndEveryAcceptedRequestItsOwnRemainingCount() {
        String token = Tokens.forUser(Tokens.newUserId());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(brandPath.toString()))
                .header("Authorization", "Bearer " + token).build();
        double aheadBefore = decisionsAhead();
        // Open the crowd's connections beforehand (on a page without limits), and send one request
        // first, so that the crowd arrives at once while the gateway holds a fresh view of the bucket.
        HttpRequest unlimited = HttpRequest.newBuilder(URI.create(brandPath.toString().replace("/api/brands/b-1", "/q/health/live"))).build();
        IntStream.range(0, 100).mapToObj(i -> client.sendAsync(unlimited, HttpResponse.BodyHandlers.discarding()))
                .toList().forEach(CompletableFuture::join);
        given().header("Authorization", "Bearer " + token).get("/api/brands/b-1")
                .then().header("X-RateLimit-Remaining", Integer.toString(BURST - 1));
        long started = System.nanoTime();
        List<HttpResponse<Void>> answers = IntStream.range(0, 100)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .toList().stream().map(CompletableFuture::join).toList();
        List<Long> remaining = answers.stream()
                .filter(response -> response.statusCode() == WireMockUpstreams.PROXIED_STATUS)
                .map(response -> Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElse("-1")))
                .sorted().toList();
        long refills = 1 + (System.nanoTime() - started) / 10_000_000_000L;
        assertTrue(remaining.size() >= BURST - 1 && remaining.size() <= BURST - 1 + refills, remaining.size() + " accepted");
        // No token given twice: the counts are distinct, BURST - 2 down to 0.
        assertEquals(remaining.size(), remaining.stream().distinct().count(), "Remaining counts " + remaining);
        assertEquals(0L, remaining.get(0));
        assertEquals(100 - remaining.size(), answers.stream().filter(r -> r.statusCode() == 429).count(),
                () -> "answers by status: " + answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting())));
        assertTrue(decisionsAhead() > aheadBefore, "no request of the crowd was let through ahead of Redis's answer");
    }

    @Test
    void aBucketSpentByAnotherReplicaIsRefusedHereOnceThisGatewaysViewIsNoLongerFresh() throws InterruptedException {
        String userId = Tokens.newUserId();
        String token = Tokens.forUser(userId);
        given().header("Authorization", "Bearer " + token).get("/api/brands/b-1")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS)
                .header("X-RateLimit-Remaining", Integer.toString(BURST - 1));
        // Another gateway replica spends the rest of the bucket.
        String now = Long.toString(System.currentTimeMillis());
        redis.hash(String.class).hset("gateway:ratelimit:user:" + userId, Map.of("tokens", "0", "ts", now));
        Thread.sleep(FRESHNESS.toMillis() + 50);
        given().header("Authorization", "Bearer " + token).get("/api/brands/b-1")
                .then().statusCode(429)
                .header("X-RateLimit-Remaining", "0");
    }

    /** The gateway's own count of requests let through ahead of Redis's answer, from /metrics. */
    private static double decisionsAhead() {
        String metrics = given().accept("text/plain").get("/metrics").asString();
        return metrics.lines()
                .filter(line -> line.startsWith("gateway_rate_limit_decisions_total{") && line.contains("decided_by=\"ahead\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private double bucketTokens(String userId) {
        return Double.parseDouble(redis.hash(String.class).hget("gateway:ratelimit:user:" + userId, "tokens"));
    }
}
