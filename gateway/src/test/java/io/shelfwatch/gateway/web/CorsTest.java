package io.shelfwatch.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.routing.Upstream;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/**
 * A browser app on an allowed origin can call the API through the gateway (preflight answered
 * at the edge, response headers readable); any other origin is refused before the upstream.
 * The test profile allows https://app.shelfwatch.test only.
 */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class CorsTest {

    private static final String ALLOWED = "https://app.shelfwatch.test";

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void preflightFromTheAllowedOriginIsAnsweredAtTheEdge() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/products/track")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        WireMockUpstreams.server(Upstream.PRODUCT).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void allowedOriginGetsTheAnswerWithItsHeadersExposed() {
        WireMockUpstreams.server(Upstream.PRODUCT).stubFor(get("/api/v1/users/me").atPriority(1)
                .willReturn(okJson("{\"id\":\"u1\"}")));
        given().header("Origin", ALLOWED).header("Authorization", Tokens.bearer())
                .get("/api/v1/users/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void otherOriginsAreRefusedAndNeverReachTheUpstream() {
        given().header("Origin", "https://evil.example")
                .header("Authorization", Tokens.bearer())
                .get("/api/v1/users/me")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/products/1")
                .then().header("Access-Control-Allow-Origin", nullValue());
        WireMockUpstreams.server(Upstream.PRODUCT).verify(0, anyRequestedFor(anyUrl()));
    }
}
