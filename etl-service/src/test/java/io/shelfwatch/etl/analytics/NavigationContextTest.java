package io.shelfwatch.etl.analytics;

import static io.shelfwatch.etl.analytics.BrandAnalyticsTest.as;
import static io.shelfwatch.etl.analytics.BrandAnalyticsTest.createBrand;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Doc D's navigation context, kept in the real Redis with an expiry. */
@QuarkusTest
class NavigationContextTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aContextFromQueryParametersIsStoredWithAnExpiryAndReadBack() {
        String token = BrandAnalyticsTest.newUser();
        String brandId = createBrand(token, "Navigator " + UUID.randomUUID());
        var created = as(token).queryParams(Map.of("fromPage", "brand-dashboard", "brandId", brandId,
                "dateRange", "{\"start\":\"2025-08-01\",\"end\":\"2025-08-31\"}",
                "comparisonRange", "{\"start\":\"2025-07-01\",\"end\":\"2025-07-31\"}",
                "filters", "{\"minImpressions\":100,\"search\":\"headphones\"}"))
                .get("/api/brands/navigation/context").then().statusCode(200)
                .body("fromPage", equalTo("brand-dashboard"))
                .body("brandId", equalTo(brandId))
                .body("brandName", org.hamcrest.Matchers.startsWith("Navigator"))
                .body("dateRange.start", equalTo("2025-08-01")).body("dateRange.end", equalTo("2025-08-31"))
                .body("comparisonRange.start", equalTo("2025-07-01"))
                .body("filters.minImpressions", equalTo(100)).body("filters.search", equalTo("headphones"))
                .body("$", not(hasKey("ownerId")))
                .header("Cache-Control", equalTo("private, max-age=300"))
                .extract();
        String contextId = created.path("contextId");
        assertTrue(contextId.matches("[0-9a-f-]{36}"));
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(55))), "expires in about an hour");
        assertTrue(created.path("returnUrl").equals("/brands/" + brandId + "?context=" + contextId));

        String prefix = ConfigProvider.getConfig().getValue("analytics.redis-key-prefix", String.class);
        long ttl = redis.key().ttl(prefix + "analytics:nav:" + contextId);
        assertTrue(ttl > 3500 && ttl <= 3600, "TTL " + ttl);

        as(token).queryParam("contextId", contextId).get("/api/brands/navigation/context").then().statusCode(200)
                .body("contextId", equalTo(contextId)).body("brandId", equalTo(brandId))
                .body("filters.search", equalTo("headphones"))
                .body("returnUrl", equalTo("/brands/" + brandId + "?context=" + contextId));
        as(BrandAnalyticsTest.newUser()).queryParam("contextId", contextId).get("/api/brands/navigation/context")
                .then().statusCode(404).body("code", equalTo("CONTEXT_NOT_FOUND"));
        as(token).queryParam("contextId", UUID.randomUUID().toString()).get("/api/brands/navigation/context")
                .then().statusCode(404);
    }

    @Test
    void badJsonAndBadValuesAre400s() {
        String token = BrandAnalyticsTest.newUser();
        as(token).queryParams(Map.of("fromPage", "brand-dashboard", "dateRange", "{start:2025-08-01"))
                .get("/api/brands/navigation/context").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("details.errors[0].loc", contains("query", "dateRange"));
        as(token).queryParams(Map.of("fromPage", "brand-dashboard", "filters", "[1,2]"))
                .get("/api/brands/navigation/context").then().statusCode(400)
                .body("details.errors[0].loc", contains("query", "filters"));
        as(token).queryParams(Map.of("fromPage", "brand-dashboard",
                "dateRange", "{\"start\":\"2025-08-31\",\"end\":\"2025-08-01\"}"))
                .get("/api/brands/navigation/context").then().statusCode(400);
        as(token).get("/api/brands/navigation/context").then().statusCode(400)
                .body("details.errors[0].loc", contains("query", "fromPage"));
        as(token).queryParams(Map.of("fromPage", "somewhere")).get("/api/brands/navigation/context").then()
                .statusCode(400);
        as(token).queryParams(Map.of("fromPage", "brand-dashboard", "brandId", "nope"))
                .get("/api/brands/navigation/context").then().statusCode(400)
                .body("details.errors[0].loc", contains("query", "brandId"));
        as(token).queryParams(Map.of("fromPage", "brand-dashboard", "brandId", UUID.randomUUID().toString()))
                .get("/api/brands/navigation/context").then().statusCode(404).body("code", equalTo("BRAND_NOT_FOUND"));
        as(token).queryParams(Map.of("fromPage", "asin-performance")).get("/api/brands/navigation/context").then()
                .statusCode(200).body("returnUrl", matchesPattern("/brands\\?context=[0-9a-f-]{36}"));
    }

    @Test
    void storingAContextForAnAsinTransitionGivesItsUrl() {
        String token = BrandAnalyticsTest.newUser();
        String brandId = createBrand(token, "Poster " + UUID.randomUUID());
        String contextId = as(token).contentType(ContentType.JSON).body("""
                {"fromPage":"brand-dashboard","brandId":"%s","dateRange":{"start":"2025-08-01","end":"2025-08-31"},
                 "filters":{"sortBy":"revenue"},"targetAsin":"b0testaaa1"}
                """.formatted(brandId)).post("/api/brands/navigation/context").then().statusCode(201)
                .body("navigationUrl", matchesPattern("/asin-performance/B0TESTAAA1\\?context=[0-9a-f-]{36}&brandId=" + brandId))
                .extract().path("contextId");
        as(token).queryParam("contextId", contextId).get("/api/brands/navigation/context").then().statusCode(200)
                .body("targetAsin", equalTo("B0TESTAAA1")).body("dateRange.end", equalTo("2025-08-31"))
                .body("filters.sortBy", equalTo("revenue"));
        as(token).contentType(ContentType.JSON).body("{\"fromPage\":\"brand-dashboard\",\"dateRange\":\"August\"}")
                .post("/api/brands/navigation/context").then().statusCode(400)
                .body("details.errors[0].loc", contains("body", "dateRange"));
        as(token).contentType(ContentType.JSON).body("{\"fromPage\":")
                .post("/api/brands/navigation/context").then().statusCode(400)
                .body("error", equalTo("Invalid request body")).body("code", equalTo("VALIDATION_ERROR"));
        as(token).contentType(ContentType.JSON).body("{\"fromPage\":\"brand-dashboard\",\"targetAsin\":\"x\"}")
                .post("/api/brands/navigation/context").then().statusCode(400)
                .body("details.errors[0].loc", contains("body", "targetAsin"));
    }
}
