package io.shelfwatch.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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

    @Test
    void namesTheRateLimitersRedisClientsSoAnOperatorCanTellThemApart() {
        // A signed-in request takes a token from the caller's bucket in Redis.
        given().header("Authorization", Tokens.bearer()).get("/api/v1/products/metrics-probe-456").then().statusCode(WireMockUpstreams.PROXIED_STATUS);

        String metrics = given().accept("text/plain").get("/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("redis_completed_total{clientName=\"rate-limit\",clientType=\"redis\""));
        assertThat(metrics, containsString("redis_pool_completed_total{pool_name=\"rate-limit@vert.x-eventloop-thread-"));
        // Unnamed, the same client was counted as m__*{clientName="<default>"}, in a pool named anew each start.
        assertEquals(List.of(), metrics.lines().filter(line -> line.startsWith("m__")).toList());
    }
}
