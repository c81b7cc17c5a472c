package io.shelfwatch.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Two product-service replicas behind one catalog: the `price.updates` partition of a product is
 * consumed for the catalog by one of them only, yet a user's WebSocket gets every update of the
 * product whichever replica holds the connection (issue 4).
 */
class TwoProductReplicasJourneyTest {

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
        RestAssured.baseURI = Suite.gatewayUrl();
    }

    @Test
    void aUserGetsEveryPriceUpdateWhicheverReplicaHoldsTheConnection() throws Exception {
        String token = FirstJourneyTest.adminToken();
        String asin = "B0ST0000R2";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\":\"https://www.amazon.com/dp/" + asin + "\"}")
                .post("/api/v1/products/track").then().statusCode(202).body("id", notNullValue());

        int second = Suite.startReplica("product-service");
        List<String> onFirst = new CopyOnWriteArrayList<>();
        List<String> onSecond = new CopyOnWriteArrayList<>();
        WebSocket first = connect(Suite.serviceUrl("product-service"), token, onFirst);
        WebSocket other = connect("http://127.0.0.1:" + second, token, onSecond);
        AtomicInteger cents = new AtomicInteger(4_000);
        try {
            // A replica pushes what arrives once its own consumer has its partitions: new prices
            // until both connections have heard of the product.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                ingest(token, asin, cents.addAndGet(7));
                assertTrue(pushed(onFirst, asin) && pushed(onSecond, asin),
                        "not on both connections yet; first: " + onFirst + ", second: " + onSecond);
            });

            // From now on, every update reaches both, whichever replica stored it.
            List<Integer> prices = List.of(cents.addAndGet(11), cents.addAndGet(11), cents.addAndGet(11));
            for (int price : prices) {
                ingest(token, asin, price);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (int price : prices) {
                    String frame = "\"new_price_cents\":" + price;
                    assertTrue(onFirst.stream().anyMatch(f -> f.contains(frame)), "first replica missed " + price);
                    assertTrue(onSecond.stream().anyMatch(f -> f.contains(frame)), "second replica missed " + price);
                }
            });
        } finally {
            first.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            other.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            Suite.stopReplica(second);
        }
    }

    private static WebSocket connect(String serviceUrl, String token, List<String> frames) throws Exception {
        URI uri = URI.create(serviceUrl.replaceFirst("^http", "ws") + "/ws/updates?access_token=" + token);
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new Collector(frames))
                .get(20, TimeUnit.SECONDS);
    }

    private static boolean pushed(List<String> frames, String asin) {
        return frames.stream().anyMatch(f -> f.contains("\"price_update\"") && f.contains(asin));
    }

    /** A snapshot through etl-service (doc A's ingest), which publishes the product's new price on price.updates. */
    private static void ingest(String token, String asin, int priceCents) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"asin\":\"" + asin + "\",\"source\":\"system-test\",\"event_type\":\"product_snapshot\","
                        + "\"raw_data\":{\"title\":\"Replica Lamp\",\"price\":" + priceCents / 100 + "."
                        + String.format("%02d", priceCents % 100) + ",\"currency\":\"USD\"}}")
                .post("/v1/etl/events/ingest").then().statusCode(200);
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
