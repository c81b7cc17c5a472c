package io.shelfwatch.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** doc A's GET /metrics: the gateway's own Prometheus text, one series per route. */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class MetricsTest {

    @Test
    void servesPrometheusTextTaggedByRoutePattern() {
        given().header("Authorization", Tokens.bearer()).get("/api/v1/products/metrics-probe-123").then().statusCode(WireMockUpstreams.PROXIED_STATUS);

        given().header("Authorization", Tokens.bearer()).accept("text/plain").get("/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/products/**\""))
                .body(not(containsString("metrics-probe-123")));
    }
}
