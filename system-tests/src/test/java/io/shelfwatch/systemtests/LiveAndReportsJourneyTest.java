package io.shelfwatch.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Journeys a client of doc C and doc A makes through the gateway that cross three services:
 * a live price push over the proxied WebSocket, and a competition report whose path keeps its colon.
 */
class LiveAndReportsJourneyTest {

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
        RestAssured.baseURI = Suite.gatewayUrl();
    }

    @Test
    void aTrackedProductsNewPriceIsPushedOverTheWebSocketThroughTheGateway() throws Exception {
        String token = FirstJourneyTest.adminToken();
        String asin = "B0ST0000LV";
        // Doc C: track by URL. An Amazon page URL and an ingested ASIN are one product (DESIGN.md, Product identity).
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\":\"https://www.amazon.com/dp/" + asin + "\"}")
                .post("/api/v1/products/track").then().statusCode(202).body("id", notNullValue());

        List<String> frames = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:18080/ws/updates?access_token=" + token), new Collector(frames))
                .get(20, TimeUnit.SECONDS);
        try {
            // The catalog knows the tracking before the price arrives; the push goes to trackers only.
            // Each attempt ingests a new price, so each one changes the product and is published.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{\"asin\":\"" + asin + "\",\"source\":\"system-test\",\"event_type\":\"product_snapshot\","
                                + "\"raw_data\":{\"title\":\"Live Lamp\",\"price\":" + (31 + attempt.incrementAndGet()) + ".50,\"currency\":\"USD\"}}")
                        .post("/v1/etl/events/ingest").then().statusCode(200);
                assertTrue(frames.stream().anyMatch(f -> f.contains("\"price_update\"") && f.contains(asin)),
                        "no price_update for " + asin + " yet; frames: " + frames);
            });
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void theWebSocketRefusesACallerWithoutAToken() {
        var failure = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:18080/ws/updates"), new Collector(new CopyOnWriteArrayList<>()))
                .handle((ws, error) -> error);
        assertTrue(failure.join() != null, "an anonymous WebSocket upgrade must be refused");
    }

    @Test
    void aCompetitionReportIsRefreshedAtItsColonPathAndReadBack() {
        String token = FirstJourneyTest.adminToken();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"asin_main\":\"B0ST0000RA\",\"competitor_asins\":[\"B0ST0000RB\"]}")
                .post("/v1/competitions/setup").then().statusCode(anyOf(equalTo(200), equalTo(201)));

        given().urlEncodingEnabled(false).auth().oauth2(token)
                .post("/v1/competitions/B0ST0000RA/report:refresh")
                .then().statusCode(200).body("status", equalTo("queued"));

        // Without LLM_BASE_URL the built-in analyst writes version 1 from the evidence.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/v1/competitions/B0ST0000RA/report").then().statusCode(200)
                .body("asin_main", equalTo("B0ST0000RA"))
                .body("version", greaterThanOrEqualTo(1))
                .body("analyst", equalTo("built_in")));
    }

    /** Collects text frames (reassembled when split). */
    private static final class Collector implements WebSocket.Listener {
        private final List<String> frames;
        private final StringBuilder partial = new StringBuilder();

        Collector(List<String> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
