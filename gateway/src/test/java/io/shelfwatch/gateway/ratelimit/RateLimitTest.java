package io.shelfwatch.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
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
                    "gateway.rate-limit.exempt-keys", "other-key," + EXEMPT_KEY);
        }
    }

    @Inject
    RedisDataSource redis;

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
}
