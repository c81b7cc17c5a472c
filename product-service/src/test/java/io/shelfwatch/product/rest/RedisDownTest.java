package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.shelfwatch.product.support.PriceUpdates;

/** With Redis unreachable, doc A's reads still answer, from the database. */
@QuarkusTest
@TestProfile(RedisDownTest.NoRedis.class)
class RedisDownTest {

    /** Nothing listens on port 1: every Redis call fails at once. */
    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "product.cache.timeout", "1s");
        }
    }

    @Test
    void readsComeFromTheDatabase() {
        String asin = PriceUpdates.randomAsin();
        AsinProductResourceTest.catalogued(asin, "Without cache", "3.00");
        String token = AsinProductResourceTest.TOKEN;
        given().auth().oauth2(token).get("/v1/products/" + asin).then().statusCode(200)
                .body("cached", equalTo(false)).body("data.title", equalTo("Without cache"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("asins", List.of(asin, PriceUpdates.randomAsin())))
                .post("/v1/products/batch").then().statusCode(200)
                .body("total_success", equalTo(1)).body("items[0].cached", equalTo(false));
        given().auth().oauth2(token).get("/api/v1/products/" + UUID.randomUUID()).then().statusCode(404);
    }
}
