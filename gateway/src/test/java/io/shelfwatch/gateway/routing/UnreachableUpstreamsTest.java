package io.shelfwatch.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.support.UnreachableUpstreams;

/** Every service and Redis down: 503s in each path's shape, a degraded /health, a ready gateway. */
@QuarkusTest
@WithTestResource(UnreachableUpstreams.class)
class UnreachableUpstreamsTest {

    private static final String UNAVAILABLE = "The upstream service is unavailable";

    @Test
    void brandsAnswer503InDocDShape() {
        given().get("/api/brands/x")
                .then().statusCode(503)
                .contentType("application/json")
                .body("error", equalTo(UNAVAILABLE))
                .body("details", anEmptyMap())
                .body("code", equalTo("SERVICE_UNAVAILABLE"));
    }

    @Test
    void connectorAnswers503InDocBShape() {
        given().contentType("application/json").body("{\"appId\":\"a\"}")
                .post("/api/connect/")
                .then().statusCode(503)
                .contentType("application/json")
                .body("error", equalTo(UNAVAILABLE))
                .body("$", hasKey("details"))
                .body("details", nullValue());
    }

    @Test
    void otherPathsAnswer503InFastApiShape() {
        given().get("/api/v1/products/")
                .then().statusCode(503)
                .body("detail", equalTo(UNAVAILABLE));
    }

    @Test
    void healthShowsEverythingDown() {
        given().get("/health")
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
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
