package io.shelfwatch.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** Token buckets in the real Redis with small limits: 3 at once, then one more every 10 s. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(WireMockUpstreams.class)
class RateLimitTest {

    static final String EXEMPT_KEY = "sw_bench_exempt_key";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.burst", "3",
                    "gateway.rate-limit.anon-per-minute", "6",
                    "gateway.rate-limit.user-per-minute", "6",
                    // A slow answer on a busy test machine must not pass for Redis being away (fail open).
                    "gateway.rate-limit.redis-timeout", "5s",
                    "gateway.rate-limit.exempt-keys", "other-key," + EXEMPT_KEY);
        }
    }

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/brands/b-1")
    URL brandPath;

    @BeforeEach
    void freshAnonymousBuckets() {
        // Earlier runs from this machine used the same per-IP buckets.
        redis.key().keys("gateway:ratelimit:ip:*").forEach(redis.key()::del);
    }

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void anonymousCallersAreLimitedPerAddressWithHeaders() {
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/billing/plans")
                    .then().statusCode(WireMockUpstreams.PROXIED_STATUS)
                    .header("X-RateLimit-Limit", "3")
                    .header("X-RateLimit-Remaining", Integer.toString(2 - i));
        }
        Response refused = given().get("/api/v1/billing/plans");
        refused.then().statusCode(429)
                .contentType("application/json")
                .body("detail", equalTo("Rate limit exceeded"))
                .header("X-RateLimit-Limit", "3")
                .header("X-RateLimit-Remaining", "0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertTrue(reset >= retryAfter && reset <= 30, "X-RateLimit-Reset " + reset);
    }

    @Test
    void aRedisThatForgotTheScriptStillLimits() {
        given().get("/api/v1/billing/plans").then().header("X-RateLimit-Remaining", "2");
        // A restarted Redis has no scripts: the limiter loads its script again instead of failing open.
        redis.execute("SCRIPT", "FLUSH");
        given().get("/api/v1/billing/plans")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS)
                .header("X-RateLimit-Limit", "3")
                .header("X-RateLimit-Remaining", "1");
    }

    @Test
    void signedInCallersHaveABucketEachAndDocDPathsGetDocDShape() {
        String alice = Tokens.forUser(Tokens.newUserId());
        String bob = Tokens.forUser(Tokens.newUserId());
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + alice).get("/api/brands/b-1")
                    .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        }
        given().header("Authorization", "Bearer " + alice).get("/api/brands/b-1")
                .then().statusCode(429)
                .body("code", equalTo("TOO_MANY_REQUESTS"))
                .body("error", equalTo("Rate limit exceeded"));
        given().header("Authorization", "Bearer " + bob).get("/api/brands/b-1")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
    }

    @Test
    void exemptApiKeysAreNeverLimited() {
        String userId = Tokens.newUserId();
        io.shelfwatch.gateway.auth.EdgeAuthTestSupport.stubExchange(EXEMPT_KEY, Tokens.forUser(userId), userId, "sw_bench");
        for (int i = 0; i < 8; i++) {
            Response response = given().header("X-API-Key", EXEMPT_KEY).get("/api/v1/products/");
            assertEquals(WireMockUpstreams.PROXIED_STATUS, response.statusCode());
        }
        String other = "sw_" + UUID.randomUUID();
        io.shelfwatch.gateway.auth.EdgeAuthTestSupport.stubExchange(other, Tokens.forUser(userId), userId, "sw_other");
        given().header("X-API-Key", other).get("/api/v1/products/").then().statusCode(WireMockUpstreams.PROXIED_STATUS);
    }

    @Test
    void aCrowdOfConcurrentRequestsGetsNoMoreThanTheBucket() {
        // Far more requests at once than Redis connections: queued for a connection, never waved through.
        String token = Tokens.forUser(Tokens.newUserId());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(brandPath.toString()))
                .header("Authorization", "Bearer " + token).build();
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> answers = IntStream.range(0, 120)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .toList();
        long accepted = answers.stream().map(CompletableFuture::join)
                .filter(response -> response.statusCode() == WireMockUpstreams.PROXIED_STATUS)
                .count();
        long refused = answers.stream().map(CompletableFuture::join)
                .filter(response -> response.statusCode() == 429)
                .count();
        // A burst of 3, plus the refills (one every 10 s) while the crowd was served.
        long refills = 1 + (System.nanoTime() - started) / 10_000_000_000L;
        assertTrue(accepted >= 3 && accepted <= 3 + refills, accepted + " accepted");
        assertEquals(120 - accepted, refused, () -> "answers by status: " + answers.stream().map(CompletableFuture::join)
                .collect(java.util.stream.Collectors.groupingBy(HttpResponse::statusCode, java.util.stream.Collectors.counting())));
    }

    @Test
    void twoUsersCrowdingAtOnceEachGetTheirBucketAndEveryTokenIsCountedOnce() {
        // Requests that reach Redis together share one script call: each bucket must still give out
        // exactly its tokens, in order, with a Remaining count per token.
        Map<String, String> tokens = Map.of("alice", Tokens.forUser(Tokens.newUserId()), "bob", Tokens.forUser(Tokens.newUserId()));
        HttpClient client = HttpClient.newHttpClient();
        Map<String, List<CompletableFuture<HttpResponse<Void>>>> answers = new java.util.TreeMap<>();
        for (int i = 0; i < 60; i++) {
            for (Map.Entry<String, String> user : tokens.entrySet()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(brandPath.toString()))
                        .header("Authorization", "Bearer " + user.getValue()).build();
                answers.computeIfAbsent(user.getKey(), k -> new java.util.ArrayList<>())
                        .add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
            }
        }
        answers.forEach((user, responses) -> {
            List<String> remaining = responses.stream().map(CompletableFuture::join)
                    .filter(response -> response.statusCode() == WireMockUpstreams.PROXIED_STATUS)
                    .map(response -> response.headers().firstValue("X-RateLimit-Remaining").orElse("none"))
                    .sorted().toList();
            // The refill is one token per 10 s: a crowd served within that gets the burst, 2, 1, 0.
            assertTrue(remaining.size() >= 3 && remaining.size() <= 4, user + " accepted " + remaining);
            assertEquals(List.of("0", "1", "2"), remaining.subList(remaining.size() - 3, remaining.size()).stream()
                    .distinct().toList(), user + "'s Remaining counts " + remaining);
            long refused = responses.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429).count();
            assertEquals(60 - remaining.size(), refused, user + " refused");
        });
    }
}
