package io.shelfwatch.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.shelfwatch.gateway.routing.Upstream;
import io.shelfwatch.gateway.support.Tokens;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** Only DESIGN.md's paths are exposed; every answer carries the security headers; bodies have a ceiling. */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class ExposureAndHeadersTest {

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/openapi", "/q/openapi?format=json", "/q/dev", "/q/dev-ui", "/q/swagger-ui",
            "/q/metrics", "/q/health", "/q/arc", "/webjars/redoc/2.5.1/redoc.standalone.js", "/internal/api-keys/exchange",
            "/nothing/here" })
    void servicePagesAndUnknownPathsAre404AtTheEdge(String path) {
        given().header("Authorization", Tokens.bearer()).get(path)
                .then().statusCode(404)
                .body("detail", equalTo("Not Found"));
        for (Upstream upstream : Upstream.values()) {
            WireMockUpstreams.server(upstream).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void theGatewaysProbesStay() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void securityHeadersOnProxiedOwnAndErrorAnswers() {
        WireMockUpstreams.server(Upstream.PRODUCT).stubFor(get("/api/v1/sales/server").atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Server", "Jetty(9.4)")));
        assertSecured(given().header("Authorization", Tokens.bearer()).get("/api/v1/sales/server"), 200);
        assertSecured(given().get("/health"), 200);
        assertSecured(given().get("/nowhere"), 404);
        assertSecured(given().get("/api/v1/products"), 401);
        Response docs = given().get("/api/docs/");
        docs.then().header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void bodyOverTheLimitIsA413InThePathsShape() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        given().header("Authorization", Tokens.bearer()).contentType("application/json").body(big)
                .post("/api/v1/products/")
                .then().statusCode(413)
                .body("detail", equalTo("Request body too large"));
        given().header("Authorization", Tokens.bearer()).contentType("application/json").body(big)
                .post("/api/fetch-data/")
                .then().statusCode(413)
                .body("error", equalTo("Request body too large"))
                .body("$", hasKey("details"));
        WireMockUpstreams.server(Upstream.PRODUCT).verify(0, anyRequestedFor(anyUrl()));
        WireMockUpstreams.server(Upstream.CONNECTOR).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void chunkedBodyOverTheLimitIsA413AndTheUpstreamNeverGetsAWholeRequest() throws Exception {
        WireMockUpstreams.server(Upstream.PRODUCT).stubFor(post("/api/v1/products/").atPriority(1)
                .willReturn(okJson("{\"ok\":true}")));

        HttpResponse<String> small = sendChunked(1024);
        assertEquals(200, small.statusCode(), small.body());

        HttpResponse<String> big = sendChunked(2 * 1024 * 1024 + 64 * 1024);
        assertEquals(413, big.statusCode());
        assertTrue(big.body().contains("\"detail\":\"Request body too large\""), big.body());
        // Only the small body arrived whole; the big one was cut off and reset mid-stream.
        WireMockUpstreams.server(Upstream.PRODUCT).verify(1, postRequestedFor(urlEqualTo("/api/v1/products/")));
    }

    /** A POST whose body has no Content-Length (an InputStream publisher), so it goes out chunked. */
    private static HttpResponse<String> sendChunked(int size) throws Exception {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[size - 1] = '}';
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/products/"))
                .header("Authorization", Tokens.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mergedOpenApiHasEveryServicesRoutedPathsAndNoInternalOnes() {
        WireMockUpstreams.server(Upstream.AUTH_BILLING).stubFor(get(urlPath("/q/openapi")).atPriority(1).willReturn(okJson(
                "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/v1/auth/login\":{\"post\":{}},\"/internal/api-keys/exchange\":{\"post\":{}}},"
                        + "\"components\":{\"schemas\":{\"Login\":{\"type\":\"object\"}}}}")));
        WireMockUpstreams.server(Upstream.COMPETITION).stubFor(get(urlPath("/q/openapi")).atPriority(1).willReturn(okJson(
                "{\"openapi\":\"3.1.0\",\"paths\":{\"/v1/competitions/{asin}/report:refresh\":{\"post\":{}}},"
                        + "\"components\":{\"schemas\":{\"Report\":{\"type\":\"object\"}}}}")));
        for (Upstream other : new Upstream[] { Upstream.PRODUCT, Upstream.ETL, Upstream.CONNECTOR }) {
            WireMockUpstreams.server(other).stubFor(get(urlPath("/q/openapi")).atPriority(1)
                    .willReturn(okJson("{\"openapi\":\"3.1.0\",\"paths\":{}}")));
        }

        given().get("/api/openapi.json")
                .then().statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("Shelfwatch API"))
                .body("paths", hasKey("/api/v1/auth/login"))
                .body("paths", hasKey("/v1/competitions/{asin}/report:refresh"))
                .body("paths", not(hasKey("/internal/api-keys/exchange")))
                .body("components.schemas", hasKey("Login"))
                .body("components.schemas", hasKey("Report"));
    }

    @Test
    void swaggerUiIsServedFromTheGatewayOverTheMergedDocument() {
        String page = given().get("/api/docs/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        // Depending on the Swagger UI version the set-up is inline or in swagger-initializer.js.
        String initializer = given().get("/api/docs/swagger-initializer.js").asString();
        org.junit.jupiter.api.Assertions.assertTrue((page + initializer).contains("/api/openapi.json"),
                "Swagger UI does not read the merged document");
    }

    @Test
    void redocIsServedFromTheGatewayWithItsBundle() {
        given().get("/api/redoc").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("spec-url=\"/api/openapi.json\""))
                .body(containsString("/api/redoc/redoc.standalone.js"));
        given().get("/api/redoc/redoc.standalone.js").then().statusCode(200)
                .contentType(containsString("javascript"));
    }

    private static com.github.tomakehurst.wiremock.matching.UrlPathPattern urlPath(String path) {
        return com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path);
    }

    private static void assertSecured(Response response, int status) {
        response.then().statusCode(status)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", notNullValue())
                .header(RequestIdHandler.HEADER, notNullValue());
        assertNull(response.header("Server"));
    }
}
