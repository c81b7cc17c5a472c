package io.shelfwatch.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.UnreachableUpstreams;

/** Every service and Redis down: 503s in each path's shape, a degraded /health, a ready gateway. */
@QuarkusTest
@WithTestResource(UnreachableUpstreams.class)
class UnreachableUpstreamsTest {

    private static final String UNAVAILABLE = "The upstream service is unavailable";

    @Test
    void brandsAnswer503InDocDShape() {
        given().header("Authorization", Tokens.bearer()).get("/api/brands/x")
                .then().statusCode(503)
                .contentType("application/json")
                .body("error", equalTo(UNAVAILABLE))
                .body("details", anEmptyMap())
                .body("code", equalTo("SERVICE_UNAVAILABLE"));
    }

    @Test
    void connectorAnswers503InDocBShape() {
        given().header("Authorization", Tokens.bearer()).contentType("application/json").body("{\"appId\":\"a\"}")
                .post("/api/connect/")
                .then().statusCode(503)
                .contentType("application/json")
                .body("error", equalTo(UNAVAILABLE))
                .body("$", hasKey("details"))
                .body("details", nullValue());
    }

    @Test
    void otherPathsAnswer503InFastApiShape() {
        given().header("Authorization", Tokens.bearer()).get("/api/v1/products/")
                .then().statusCode(503)
                .body("detail", equalTo(UNAVAILABLE));
    }

    @Test
    void aBreakerOpensAfterRepeatedFailuresAndSaysSo() {
        // The test profile keeps the default threshold: five failures in a row.
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", Tokens.bearer()).get("/v1/competitions/B000TEST0" + i)
                    .then().statusCode(503)
                    .body("detail", equalTo(UNAVAILABLE));
        }
        given().header("Authorization", Tokens.bearer()).post("/v1/competitions/B000TEST01/report:refresh")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("retry later"));
    }

    @Test
    void rateLimitsFailOpenWhileRedisIsDown() {
        // Burst 1 here: with Redis reachable the second request would be a 429.
        for (int i = 0; i < 4; i++) {
            given().get("/api/v1/billing/plans").then().statusCode(503);
        }
    }

    @Test
    void healthShowsEverythingDown() {
        given().header("Authorization", Tokens.bearer()).get("/health")
                .then().statusCode(200)
                .body("status", equalTo("degraded"))
                .body("services.auth-billing-service", equalTo("DOWN"))
                .body("services.product-service", equalTo("DOWN"))
                .body("services.etl-service", equalTo("DOWN"))
                .body("services.competition-service", equalTo("DOWN"))
                .body("services.connector-service", equalTo("DOWN"))
                .body("redis", equalTo("DOWN"));
    }

    @Test
    void theGatewayItselfStaysReadyWithoutRedis() {
        given().header("Authorization", Tokens.bearer()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
