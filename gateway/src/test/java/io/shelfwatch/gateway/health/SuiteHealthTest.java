package io.shelfwatch.gateway.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.routing.Upstream;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** GET /health against WireMock services and the real Redis on 127.0.0.1:6379. */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class SuiteHealthTest {

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void okWhenEveryServiceAndRedisAreUp() {
        given().get("/health")
                .then().statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("ok"))
                .body("services.size()", equalTo(5))
                .body("services.auth-billing-service", equalTo("UP"))
                .body("services.product-service", equalTo("UP"))
                .body("services.etl-service", equalTo("UP"))
                .body("services.competition-service", equalTo("UP"))
                .body("services.connector-service", equalTo("UP"))
                .body("redis", equalTo("UP"));
    }

    @Test
    void degradedWhenAServiceIsNotReady() {
        WireMockUpstreams.server(Upstream.ETL).stubFor(get(WireMockUpstreams.READINESS_PATH).atPriority(0)
                .willReturn(aResponse().withStatus(503).withBody("{\"status\":\"DOWN\"}")));

        given().get("/health")
                .then().statusCode(200)
                .body("status", equalTo("degraded"))
                .body("services.etl-service", equalTo("DOWN"))
                .body("services.product-service", equalTo("UP"))
                .body("redis", equalTo("UP"));
    }

    @Test
    void aServiceTooSlowToAnswerIsDownWithoutHoldingUpTheAnswer() {
        WireMockUpstreams.server(Upstream.CONNECTOR).stubFor(get(WireMockUpstreams.READINESS_PATH).atPriority(0)
                .willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));

        given().get("/health")
                .then().statusCode(200)
                // the test profile's gateway.health-timeout is 2 s
                .time(lessThan(4_500L))
                .body("status", equalTo("degraded"))
                .body("services.connector-service", equalTo("DOWN"))
                .body("services.auth-billing-service", equalTo("UP"));
    }

    @Test
    void theGatewaysOwnProbesDoNotDependOnTheSuite() {
        WireMockUpstreams.server(Upstream.PRODUCT).stubFor(get(WireMockUpstreams.READINESS_PATH).atPriority(0)
                .willReturn(aResponse().withStatus(503)));

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
