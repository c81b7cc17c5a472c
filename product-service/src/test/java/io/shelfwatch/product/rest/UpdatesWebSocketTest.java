package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.product.support.Contracts;
import io.shelfwatch.product.support.Kafka;
import io.shelfwatch.product.support.LiveClient;
import io.shelfwatch.product.support.PriceUpdates;
import io.shelfwatch.product.support.Tokens;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.http.UpgradeRejectedException;

/**
 * /ws/updates over the real broker: records put on price.updates and alerts, as etl-service
 * writes them, reach exactly the users who track or watch the product (and a rule's owner).
 */
@QuarkusTest
class UpdatesWebSocketTest {

    @TestHTTPResource("/")
    URI root;

    /**
     * The live channels read from the latest offset with a group of their own: a record sent
     * before they have their partitions would pass them by, so wait for the assignment.
     */
    @BeforeAll
    static void liveConsumersAreAssigned() {
        List<String> groups = List.of("price-updates-live", "alerts", "account-revocations-live").stream()
                .map(channel -> ConfigProvider.getConfig()
                        .getValue("mp.messaging.incoming." + channel + ".group.id", String.class))
                .toList();
        try (KafkaCompanion kafka = Kafka.companion()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, ConsumerGroupDescription> described = kafka.getOrCreateAdminClient()
                        .describeConsumerGroups(groups).all().get();
                return described.values().stream().allMatch(group -> group.state() == ConsumerGroupState.STABLE
                        && group.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty()));
            });
        }
    }

    static String alert(String kind, UUID userId, String productKey, String alertType, String message) {
        String owner = userId == null ? "null" : "\"" + userId + "\"";
        String rule = userId == null ? "null" : "\"" + UUID.randomUUID() + "\"";
        String value = """
                {"event_id":"%s","type":"alert_raised","occurred_at":"%s",
                 "data":{"alert_id":"%s","kind":"%s","user_id":%s,"rule_id":%s,"product_key":"%s","asin":null,
                  "competitor_id":null,"alert_type":"%s","severity":%s,"message":"%s","old_value":59.99,
                  "new_value":49.99,"change_percent":-16.67,"raised_at":"%s"}}
                """.formatted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), kind, owner, rule, productKey,
                alertType, userId == null ? "\"high\"" : "null", message, Instant.now());
        Contracts.assertConforms("alerts", "alert_raised", value);
        return value;
    }

    static void sendAlert(KafkaCompanion kafka, String productKey, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("alerts"), productKey, value))
                .awaitCompletion();
    }

    private static JsonPath only(LiveClient client, String event) {
        List<JsonPath> matching = client.messages.stream().map(JsonPath::new)
                .filter(message -> event.equals(message.getString("event"))).toList();
        assertEquals(1, matching.size(), () -> "expected one " + event + ", got " + client.messages);
        return matching.get(0);
    }

    @Test
    void revokedTokensCloseTheConnectionsOpenedWithThemOnlyThose() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        Instant revokedAt = Instant.now();
        // Alice's laptop signed in an hour ago; her phone signed in again in the revocation's second.
        String old = Tokens.issuedAt(alice, "alice@example.com", "free", revokedAt.minusSeconds(3600));
        String fresh = Tokens.issuedAt(alice, "alice@example.com", "free", revokedAt.truncatedTo(ChronoUnit.SECONDS));
        try (LiveClient laptop = LiveClient.withHeader(root, old);
                LiveClient phone = LiveClient.withQueryToken(root, fresh);
                LiveClient bobWs = LiveClient.withHeader(root, TrackedProductResourceTest.token(bob));
                KafkaCompanion kafka = Kafka.companion()) {
            // An API key of hers revoked: the gateway's business, no connection of hers ends.
            String keyRevoked = """
                    {"event_id":"%s","type":"api_key_revoked","occurred_at":"%s","data":{"user_id":"%s",
                     "key_id":"%s","key_prefix":"sw_live_ab","revoked_at":"%s"}}
                    """.formatted(UUID.randomUUID(), revokedAt, alice, UUID.randomUUID(), revokedAt);
            String tokensRevoked = """
                    {"event_id":"%s","type":"tokens_revoked","occurred_at":"%s","data":{"user_id":"%s",
                     "revoked_at":"%s","reason":"deleted"}}
                    """.formatted(UUID.randomUUID(), revokedAt, alice, revokedAt);
            Contracts.assertConforms("account.revocations", "api_key_revoked", keyRevoked);
            Contracts.assertConforms("account.revocations", "tokens_revoked", tokensRevoked);
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>(Kafka.topic("account.revocations"), alice.toString(), keyRevoked),
                    new ProducerRecord<>(Kafka.topic("account.revocations"), alice.toString(), tokensRevoked))
                    .awaitCompletion();

            await().atMost(Duration.ofSeconds(30)).until(() -> laptop.closedWith != null);
            assertEquals(1008, laptop.closedWith.getCode());
            assertEquals("Session revoked; sign in again", laptop.closedWith.getMessage());
            assertTrue(phone.isOpen(), "signed in since the revocation");
            assertTrue(bobWs.isOpen());
            // The phone still gets what is Alice's (her rule alert), so it is open for real, not just not yet closed.
            String productKey = "url:https://shop.example.com/revoked/" + UUID.randomUUID();
            sendAlert(kafka, productKey, alert("rule", alice, productKey, "price_drop", "Still yours"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !phone.messages.isEmpty());
            assertEquals("Still yours", only(phone, "alert").getString("data.message"));
            assertTrue(laptop.messages.isEmpty());
        }
    }

    @Test
    void eachUserGetsTheUpdatesAndAlertsOfTheProductsTheyTrackOrWatchAndNothingElse() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        String aliceUrl = "https://shop.example.com/live/" + UUID.randomUUID();
        String bobUrl = "https://shop.example.com/live/" + UUID.randomUUID();
        String aliceProduct = TrackedProductResourceTest.track(alice, aliceUrl).getString("id");
        String bobProduct = TrackedProductResourceTest.track(bob, bobUrl).getString("id");
        // Carol watches an Amazon product (market data anyone may watch) that Dave tracks; she tracks nothing.
        String asin = PriceUpdates.randomAsin();
        String asinProduct = TrackedProductResourceTest.track(UUID.randomUUID(), "https://www.amazon.com/dp/" + asin)
                .getString("id");
        given().auth().oauth2(TrackedProductResourceTest.token(carol))
                .post("/api/v1/users/me/watchlist/" + asinProduct).then().statusCode(200);

        try (LiveClient aliceWs = LiveClient.withHeader(root, TrackedProductResourceTest.token(alice));
                LiveClient bobWs = LiveClient.withQueryToken(root, TrackedProductResourceTest.token(bob));
                LiveClient carolWs = LiveClient.withHeader(root, TrackedProductResourceTest.token(carol));
                KafkaCompanion kafka = Kafka.companion()) {
            Instant now = Instant.now();
            PriceUpdates.send(kafka, "url:" + aliceUrl, PriceUpdates.forUrl(UUID.randomUUID(), "url:" + aliceUrl,
                    aliceUrl, new BigDecimal("22990.00"), now));
            PriceUpdates.send(kafka, "url:" + bobUrl, PriceUpdates.forUrl(UUID.randomUUID(), "url:" + bobUrl,
                    bobUrl, new BigDecimal("5.25"), now));
            PriceUpdates.send(kafka, "asin:" + asin, PriceUpdates.forAsin(UUID.randomUUID(), asin, "Headphones",
                    new BigDecimal("89.00"), now));
            // A market alert on Alice's product: its trackers. A rule alert of Bob's on it: Bob only.
            sendAlert(kafka, "url:" + aliceUrl, alert("market", null, "url:" + aliceUrl, "price_drop",
                    "Price dropped 16.67%"));
            sendAlert(kafka, "url:" + aliceUrl, alert("rule", bob, "url:" + aliceUrl, "price_drop",
                    "Your rule fired"));

            await().atMost(Duration.ofSeconds(30)).until(() -> aliceWs.messages.size() >= 2
                    && bobWs.messages.size() >= 2 && carolWs.messages.size() >= 1);

            JsonPath alicePrice = only(aliceWs, "price_update");
            assertEquals(aliceProduct, alicePrice.getString("data.product_id"));
            assertEquals(2299000L, alicePrice.getLong("data.new_price_cents"));
            assertEquals("USD", alicePrice.getString("data.currency"));
            assertEquals("In Stock", alicePrice.getString("data.availability"));
            JsonPath aliceAlert = only(aliceWs, "alert");
            assertEquals(aliceProduct, aliceAlert.getString("data.product_id"));
            assertEquals("market", aliceAlert.getString("data.kind"));
            assertEquals("price_drop", aliceAlert.getString("data.alert_type"));
            assertEquals("Price dropped 16.67%", aliceAlert.getString("data.message"));

            JsonPath bobPrice = only(bobWs, "price_update");
            assertEquals(bobProduct, bobPrice.getString("data.product_id"));
            assertEquals(525L, bobPrice.getLong("data.new_price_cents"));
            JsonPath bobAlert = only(bobWs, "alert");
            assertEquals("rule", bobAlert.getString("data.kind"));
            assertEquals("Your rule fired", bobAlert.getString("data.message"));

            JsonPath carolPrice = only(carolWs, "price_update");
            assertEquals(asinProduct, carolPrice.getString("data.product_id"));
            assertEquals(8900L, carolPrice.getLong("data.new_price_cents"));

            // Nothing else arrives for anyone: one more record for Bob, then count again.
            String last = PriceUpdates.forUrl(UUID.randomUUID(), "url:" + bobUrl, bobUrl, new BigDecimal("5.00"),
                    now.plusSeconds(60));
            long sentAt = System.currentTimeMillis();
            PriceUpdates.send(kafka, "url:" + bobUrl, last);
            await().atMost(Duration.ofSeconds(30)).until(() -> bobWs.messages.size() == 3);
            // Reported, not asserted: the test machine is shared (the target, under a second, is bench material).
            System.out.printf("price.updates record to WebSocket message: %d ms%n",
                    bobWs.arrivedAtMillis.get(2) - sentAt);
            assertEquals(2, aliceWs.messages.size(), () -> "Alice got " + aliceWs.messages);
            assertEquals(1, carolWs.messages.size(), () -> "Carol got " + carolWs.messages);
        }
    }

    @Test
    void untrackingAWatchedProductEndsItsPushes() {
        UUID alice = UUID.randomUUID();
        String dropped = "https://shop.example.com/untracked/" + UUID.randomUUID();
        String kept = "https://shop.example.com/kept/" + UUID.randomUUID();
        String droppedId = TrackedProductResourceTest.track(alice, dropped).getString("id");
        String keptId = TrackedProductResourceTest.track(alice, kept).getString("id");
        String token = TrackedProductResourceTest.token(alice);
        given().auth().oauth2(token).post("/api/v1/users/me/watchlist/" + droppedId).then().statusCode(200);
        given().auth().oauth2(token).delete("/api/v1/products/" + droppedId).then().statusCode(204);

        try (LiveClient aliceWs = LiveClient.withHeader(root, token); KafkaCompanion kafka = Kafka.companion()) {
            Instant now = Instant.now();
            // Both under the dropped product's key, so on one partition and routed in this order: once the
            // second has reached Alice, the first would have reached her before it.
            PriceUpdates.send(kafka, "url:" + dropped, PriceUpdates.forUrl(UUID.randomUUID(), "url:" + dropped,
                    dropped, new BigDecimal("12.00"), now));
            PriceUpdates.send(kafka, "url:" + dropped, PriceUpdates.forUrl(UUID.randomUUID(), "url:" + kept, kept,
                    new BigDecimal("13.00"), now));
            await().atMost(Duration.ofSeconds(30)).until(() -> !aliceWs.messages.isEmpty());
            assertEquals(keptId, only(aliceWs, "price_update").getString("data.product_id"));
            assertEquals(1, aliceWs.messages.size(), () -> "Alice got " + aliceWs.messages);
        }
    }

    @Test
    void anAlertThatCanNeverBeProcessedGoesToTheDeadLetterTopic() {
        String key = "asin:" + PriceUpdates.randomAsin();
        String poison = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"alert_raised\",\"data\":{}}";
        try (KafkaCompanion kafka = Kafka.companion()) {
            sendAlert(kafka, key, poison);
            assertEquals(poison, Kafka.awaitRecord(kafka, Kafka.topic("alerts.dlq"), r -> key.equals(r.key())).value());
        }
    }

    @Test
    void theTokenMayComeInTheHeaderOrAsAccessToken() {
        String token = TrackedProductResourceTest.token(UUID.randomUUID());
        try (LiveClient header = LiveClient.withHeader(root, token)) {
            assertTrue(header.isOpen());
        }
        try (LiveClient query = LiveClient.withQueryToken(root, token)) {
            assertTrue(query.isOpen());
        }
    }

    @Test
    void withoutAValidTokenTheUpgradeIsRefusedWith401() {
        assertEquals(401, refusal(() -> LiveClient.anonymous(root)));
        assertEquals(401, refusal(() -> LiveClient.withQueryToken(root, "not-a-token")));
        String stranger = Jwt.issuer("someone-else").audience("shelfwatch-api")
                .subject(UUID.randomUUID().toString()).expiresIn(900).sign();
        assertEquals(401, refusal(() -> LiveClient.withHeader(root, stranger)));
        String expired = Jwt.issuer("shelfwatch").audience("shelfwatch-api").subject(UUID.randomUUID().toString())
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)).sign();
        assertEquals(401, refusal(() -> LiveClient.withQueryToken(root, expired)));
    }

    /** The HTTP status the upgrade was refused with. */
    private static int refusal(java.util.function.Supplier<LiveClient> connecting) {
        Throwable failure = assertThrows(Throwable.class, () -> connecting.get().close());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
        }
        throw new AssertionError("not refused by status", failure);
    }

    @Test
    void aClientThatAnswersPingsStaysConnected() {
        // The test profile pings every second and closes a connection silent for 10 s.
        try (LiveClient client = LiveClient.withHeader(root, TrackedProductResourceTest.token(UUID.randomUUID()))) {
            await().during(Duration.ofSeconds(13)).atMost(Duration.ofSeconds(15)).until(client::isOpen);
            assertNull(client.closedWith);
        }
    }
}
