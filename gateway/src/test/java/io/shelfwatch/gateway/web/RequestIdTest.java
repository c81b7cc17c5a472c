package io.shelfwatch.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.support.Tokens;
import io.restassured.response.Response;
import io.shelfwatch.gateway.routing.Upstream;
import io.shelfwatch.gateway.support.WireMockUpstreams;

@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class RequestIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void generatesOneWhenAbsentAndSendsItBothWays() {
        String id = given().header("Authorization", Tokens.bearer()).get("/api/v1/products/p1")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS)
                .header(RequestIdHandler.HEADER, matchesPattern(UUID_PATTERN))
                .extract().header(RequestIdHandler.HEADER);

        WireMockUpstreams.server(Upstream.PRODUCT)
                .verify(1, getRequestedFor(urlEqualTo("/api/v1/products/p1")).withHeader(RequestIdHandler.HEADER, equalTo(id)));
    }

    @Test
    void keepsAValidOne() {
        given().header("Authorization", Tokens.bearer()).header(RequestIdHandler.HEADER, "client-req.42_x").get("/api/v1/sales")
                .then().header(RequestIdHandler.HEADER, "client-req.42_x");

        WireMockUpstreams.server(Upstream.PRODUCT)
                .verify(1, getRequestedFor(urlEqualTo("/api/v1/sales")).withHeader(RequestIdHandler.HEADER, equalTo("client-req.42_x")));
    }

    @Test
    void replacesAnInvalidOne() {
        for (String invalid : List.of("has spaces", "x".repeat(129))) {
            String id = given().header("Authorization", Tokens.bearer()).header(RequestIdHandler.HEADER, invalid).get("/v1/etl/jobs")
                    .then().header(RequestIdHandler.HEADER, matchesPattern(UUID_PATTERN))
                    .extract().header(RequestIdHandler.HEADER);

            assertNotEquals(invalid, id);
            WireMockUpstreams.server(Upstream.ETL)
                    .verify(1, getRequestedFor(urlEqualTo("/v1/etl/jobs")).withHeader(RequestIdHandler.HEADER, equalTo(id)));
            WireMockUpstreams.server(Upstream.ETL).resetRequests();
        }
    }

    @Test
    void theGatewaysOwnAnswersCarryItToo() {
        given().header("Authorization", Tokens.bearer()).header(RequestIdHandler.HEADER, "own-404").get("/nowhere")
                .then().statusCode(404).header(RequestIdHandler.HEADER, "own-404");
        given().header("Authorization", Tokens.bearer()).header(RequestIdHandler.HEADER, "own-health").get("/health")
                .then().statusCode(200).header(RequestIdHandler.HEADER, "own-health");
    }

    @Test
    void theClientSeesOneIdEvenWhenTheUpstreamEchoesIt() {
        WireMockUpstreams.server(Upstream.COMPETITION).stubFor(get("/v1/competitions/echo")
                .willReturn(aResponse().withStatus(200).withHeader(RequestIdHandler.HEADER, "upstream-made")));

        Response response = given().header("Authorization", Tokens.bearer()).header(RequestIdHandler.HEADER, "edge-1").get("/v1/competitions/echo");

        assertEquals(List.of("edge-1"), response.headers().getValues(RequestIdHandler.HEADER));
    }
}
