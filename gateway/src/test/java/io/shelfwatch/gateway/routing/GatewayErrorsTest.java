package io.shelfwatch.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.support.Tokens;
import io.restassured.response.Response;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** Errors the gateway makes itself, in each path's shape; upstream errors pass through untouched. */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class GatewayErrorsTest {

    // The test profile's gateway.upstream-timeout is 2 s.
    private static final int SLOWER_THAN_TIMEOUT_MS = 3_500;

    // More than the breaker's failure threshold (gateway.breaker.failure-threshold, 5).
    private static final int HANG_UPS = 8;

    private static final Pattern STATUS_TAG = Pattern.compile("status=\"([^\"]*)\"");

    @TestHTTPResource("/")
    URL gateway;

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @Test
    void unknownPathIsA404InFastApiShape() {
        given().header("Authorization", Tokens.bearer()).get("/no/such/path")
                .then().statusCode(404)
                .contentType("application/json")
                .body("detail", equalTo("Not Found"));
    }

    @Test
    void unknownApiPathOutsideV1IsA404InDocBShape() {
        given().header("Authorization", Tokens.bearer()).get("/api/no-such-thing/")
                .then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("Not Found"))
                .body("$", org.hamcrest.Matchers.hasKey("details"))
                .body("details", nullValue());
    }

    @Test
    void internalEndpointsAreNeverRouted() {
        given().header("Authorization", Tokens.bearer()).contentType("application/json").body("{\"api_key\":\"k\"}")
                .post("/internal/api-keys/exchange")
                .then().statusCode(404)
                .body("detail", equalTo("Not Found"));
        // Encoded dot segments are resolved before routing, so they cannot reach it either.
        given().header("Authorization", Tokens.bearer()).urlEncodingEnabled(false)
                .post("/api/v1/auth/%2e%2e/%2e%2e/%2e%2e/internal/api-keys/exchange")
                .then().statusCode(404);
        WireMockUpstreams.server(Upstream.AUTH_BILLING).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void forwardsThePathItRoutedOn() {
        given().header("Authorization", Tokens.bearer()).urlEncodingEnabled(false)
                .get("/api/v1/auth/whatever/%2e%2e/login?next=%2Fhome")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        WireMockUpstreams.server(Upstream.AUTH_BILLING).verify(1, getRequestedFor(urlEqualTo("/api/v1/auth/login?next=%2Fhome")));
    }

    @Test
    void aQueryWithCharactersBrowsersLeaveRawArrivesEncodedWithTheSameValue() throws Exception {
        // Doc D's own example: raw JSON in the query, as a browser sends it ({ } | ^ unencoded).
        String raw = "/api/brands/navigation/context?dateRange={\"start\":\"2025-01-01\"}&pipe=a|b^c&pct=5%zz";
        String answer = rawExchange("GET " + raw + " HTTP/1.1\r\nHost: gateway\r\nAuthorization: " + Tokens.bearer()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 " + WireMockUpstreams.PROXIED_STATUS), answer);
        WireMockUpstreams.server(Upstream.ETL).verify(1, getRequestedFor(urlEqualTo(
                "/api/brands/navigation/context?dateRange=%7B%22start%22:%222025-01-01%22%7D&pipe=a%7Cb%5Ec&pct=5%25zz")));
        WireMockUpstreams.server(Upstream.ETL).verify(1, getRequestedFor(WireMock.urlPathEqualTo("/api/brands/navigation/context"))
                .withQueryParam("dateRange", WireMock.equalTo("{\"start\":\"2025-01-01\"}"))
                .withQueryParam("pipe", WireMock.equalTo("a|b^c")));
    }

    @Test
    void aDeclaredBodyBeyondQuarkussOwnCeilingStillGetsThePathsShape() throws Exception {
        // 11 MiB declared, a few bytes sent: the gateway's limit answers, not Quarkus's bare 413 at 10 MiB.
        String answer = rawExchange("POST /api/fetch-data/ HTTP/1.1\r\nHost: gateway\r\nAuthorization: " + Tokens.bearer()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n{\"a\":");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"error\":\"Request body too large\""), answer);
        assertTrue(answer.toLowerCase().contains("x-request-id:"), answer);
        WireMockUpstreams.server(Upstream.CONNECTOR).verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aPathWithABrokenEscapeIsA400InThePathsShape() throws Exception {
        String brands = rawExchange("GET /api/brands/b%zz/products HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
        assertTrue(brands.startsWith("HTTP/1.1 400"), brands);
        assertTrue(brands.contains("\"code\":\"BAD_REQUEST\""), brands);
        assertTrue(brands.toLowerCase().contains("x-content-type-options: nosniff"), brands);
        String products = rawExchange("GET /v1/products/B0%2 HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
        assertTrue(products.startsWith("HTTP/1.1 400"), products);
        assertTrue(products.contains("{\"detail\":\"Malformed request path"), products);
        for (Upstream upstream : Upstream.values()) {
            WireMockUpstreams.server(upstream).verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void aClientThatStopsSendingTheBodyItDeclaredIsHungUpOnAfterItsAnswer() throws Exception {
        try (Socket client = new Socket(gateway.getHost(), gateway.getPort())) {
            client.setSoTimeout(15_000);
            client.getOutputStream().write(("POST /api/fetch-data/ HTTP/1.1\r\nHost: gateway\r\nAuthorization: " + Tokens.bearer()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (3 * 1024 * 1024) + "\r\n\r\n{\"a\":")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            // Read to the end: the 413 comes first, then the gateway closes the connection instead of waiting for 3 MiB.
            String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
    }

    /** Sends {@code request} as it is over a socket (an HTTP client would encode or refuse it) and reads the answer. */
    private String rawExchange(String request) throws Exception {
        try (Socket client = new Socket(gateway.getHost(), gateway.getPort())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = client.getInputStream().read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, read);
                    client.setSoTimeout(500); // the rest of the answer follows at once
                }
            } catch (SocketTimeoutException endOfAnswer) {
                // the connection stays open for the next request: what came is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void slowUpstreamIsA504InThePathsShape() {
        WireMockUpstreams.server(Upstream.ETL).stubFor(get("/api/brands/slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(SLOWER_THAN_TIMEOUT_MS)));
        WireMockUpstreams.server(Upstream.ETL).stubFor(get("/v1/etl/slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(SLOWER_THAN_TIMEOUT_MS)));

        given().header("Authorization", Tokens.bearer()).get("/api/brands/slow")
                .then().statusCode(504)
                .contentType("application/json")
                .body("code", equalTo("GATEWAY_TIMEOUT"))
                .body("error", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("details", anEmptyMap());
        given().header("Authorization", Tokens.bearer()).get("/v1/etl/slow")
                .then().statusCode(504)
                .body("detail", equalTo("The upstream service did not answer in time"));
    }

    @Test
    void upstreamDroppingTheConnectionIsA502WithoutDetailsOfWhy() {
        WireMockUpstreams.server(Upstream.PRODUCT).stubFor(get("/api/v1/products/broken")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().header("Authorization", Tokens.bearer()).get("/api/v1/products/broken")
                .then().statusCode(502)
                .contentType("application/json")
                .body("detail", equalTo("The upstream service failed to answer"))
                .body(not(containsString("Exception")));
        // A GET is sent once more on another connection, and no more than that.
        WireMockUpstreams.server(Upstream.PRODUCT).verify(2, getRequestedFor(urlEqualTo("/api/v1/products/broken")));
    }

    @Test
    void aGetWhoseConnectionIsLostBeforeTheAnswerIsSentOnceMore() {
        WireMockServer product = productLosingTheFirstConnection(WireMock::get, "/api/v1/products/flaky", "{\"asin\":\"flaky\"}");

        given().header("Authorization", Tokens.bearer()).get("/api/v1/products/flaky")
                .then().statusCode(200)
                .body("asin", equalTo("flaky"));
        product.verify(2, getRequestedFor(urlEqualTo("/api/v1/products/flaky")));
    }

    @Test
    void aPostWhoseConnectionIsLostIsNeverSentTwice() {
        WireMockServer product = productLosingTheFirstConnection(WireMock::post, "/api/v1/products/flaky", "{\"created\":true}");

        given().header("Authorization", Tokens.bearer()).contentType("application/json").body("{\"asin\":\"flaky\"}")
                .post("/api/v1/products/flaky")
                .then().statusCode(502)
                .body("detail", equalTo("The upstream service failed to answer"));
        product.verify(1, postRequestedFor(urlEqualTo("/api/v1/products/flaky")));
    }

    @Test
    void clientsHangingUpOnASlowUpstreamAreCountedOnceAndDoNotOpenItsBreaker() throws Exception {
        WireMockUpstreams.server(Upstream.CONNECTOR).stubFor(get("/api/connection-status/slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
        String request = "GET /api/connection-status/slow HTTP/1.1\r\nHost: gateway\r\nAuthorization: "
                + Tokens.bearer() + "\r\n\r\n";
        Map<String, Double> before = requestCountsByStatus("/api/connection-status/**");
        for (int i = 0; i < HANG_UPS; i++) {
            try (Socket client = new Socket(gateway.getHost(), gateway.getPort())) {
                OutputStream out = client.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // Long enough for the request to reach the upstream, shorter than its answer.
                Thread.sleep(200);
            }
        }
        Thread.sleep(300);

        given().header("Authorization", Tokens.bearer()).get("/api/connection-status/")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        // Each hang-up is counted once, as a reset: not as a 502, and not twice.
        assertEquals(Map.of("RESET", (double) HANG_UPS, "202", 1.0), countedSince(before, "/api/connection-status/**"));
    }

    @Test
    void clientsHangingUpDuringTheAnswerAreCountedOnceAndNotAsBadGateway() throws Exception {
        // The head and the first bytes at once, the rest dribbled over a second: the client hangs up mid-body.
        WireMockUpstreams.server(Upstream.CONNECTOR).stubFor(get("/api/processed-status/dribble")
                .willReturn(aResponse().withStatus(200).withBody("x".repeat(4_000)).withChunkedDribbleDelay(8, 1_000)));
        String request = "GET /api/processed-status/dribble HTTP/1.1\r\nHost: gateway\r\nAuthorization: "
                + Tokens.bearer() + "\r\n\r\n";
        Map<String, Double> before = requestCountsByStatus("/api/processed-status/**");
        for (int i = 0; i < HANG_UPS; i++) {
            try (Socket client = new Socket(gateway.getHost(), gateway.getPort())) {
                client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                String statusLine = new String(client.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 200", statusLine);
            }
        }
        Thread.sleep(1_500);

        // The upstream is not blamed: it still answers through the gateway.
        given().header("Authorization", Tokens.bearer()).get("/api/processed-status/")
                .then().statusCode(WireMockUpstreams.PROXIED_STATUS);
        assertEquals(Map.of("RESET", (double) HANG_UPS, "202", 1.0), countedSince(before, "/api/processed-status/**"));
    }

    @Test
    void upstreamErrorsPassThroughUnchanged() {
        WireMockUpstreams.server(Upstream.PRODUCT).stubFor(get("/api/v1/sales/missing")
                .willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":\"Sale not found\"}")));

        given().header("Authorization", Tokens.bearer()).get("/api/v1/sales/missing")
                .then().statusCode(404)
                .body("detail", equalTo("Sale not found"));
    }

    @Test
    void dropsConnectionLevelHeadersOfTheUpstream() {
        WireMockUpstreams.server(Upstream.PRODUCT).stubFor(get("/api/v1/sales/headers")
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Keep-Alive", "timeout=5")
                        .withHeader("Proxy-Authenticate", "Basic")
                        .withHeader("X-Kept", "yes")));

        Response response = given().header("Authorization", Tokens.bearer()).get("/api/v1/sales/headers");
        response.then().statusCode(200).header("X-Kept", "yes");
        assertNull(response.header("Keep-Alive"));
        assertNull(response.header("Proxy-Authenticate"));
    }

    /** What /metrics counted for one route pattern since {@code before}, by status (other test classes share the registry). */
    private static Map<String, Double> countedSince(Map<String, Double> before, String routePattern) {
        Map<String, Double> since = new HashMap<>(requestCountsByStatus(routePattern));
        before.forEach((status, count) -> since.merge(status, -count, Double::sum));
        since.values().removeIf(count -> count == 0);
        return since;
    }

    /** /metrics' request counts for one route pattern, by status. */
    private static Map<String, Double> requestCountsByStatus(String routePattern) {
        String metrics = given().accept("text/plain").get("/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counts = new HashMap<>();
        metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"" + routePattern + "\""))
                .forEach(line -> {
                    Matcher status = STATUS_TAG.matcher(line);
                    assertTrue(status.find(), line);
                    counts.merge(status.group(1), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                });
        return counts;
    }

    /** product-service stand-in: the first request to {@code path} loses its connection unanswered, later ones get {@code json}. */
    private static WireMockServer productLosingTheFirstConnection(Function<String, MappingBuilder> method, String path, String json) {
        WireMockServer product = WireMockUpstreams.server(Upstream.PRODUCT);
        product.stubFor(method.apply(path).inScenario("lost connection").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("connected again"));
        product.stubFor(method.apply(path).inScenario("lost connection").whenScenarioStateIs("connected again")
                .willReturn(okJson(json)));
        return product;
    }
}
