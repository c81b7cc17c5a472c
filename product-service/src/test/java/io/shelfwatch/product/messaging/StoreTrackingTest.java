package io.shelfwatch.product.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.product.repository.ProductRepository;
import io.shelfwatch.product.support.Contracts;
import io.shelfwatch.product.support.Kafka;
import io.shelfwatch.product.support.PriceUpdates;
import io.shelfwatch.product.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/**
 * A competitor store's products, seen on price.updates, are tracked for the store's owner
 * within the plan's max_products; a deleted store (deleted: true or a tombstone) takes that
 * tracking with it and its products drop out of `products`' trackers.
 */
@QuarkusTest
class StoreTrackingTest {

    @Inject
    ProductRepository products;

    private static String token(UUID user) {
        return Tokens.forUser(user, user + "@example.com", "free");
    }

    static String competitorState(UUID competitorId, UUID owner, boolean deleted) {
        String value = """
                {"event_id":"%s","type":"competitor_state","occurred_at":"%s",
                 "data":{"competitor_id":"%s","user_id":"%s","name":"Rival Gadgets","url":"https://rival.example.com",
                  "platform":"shopify","status":"active","deleted":%b,
                  "created_at":"2026-02-10T10:00:00Z","updated_at":"2026-02-10T10:00:00Z"}}
                """.formatted(UUID.randomUUID(), Instant.now(), competitorId, owner, deleted);
        Contracts.assertConforms("competitors", "competitor_state", value);
        return value;
    }

    private static void sendCompetitor(KafkaCompanion kafka, UUID competitorId, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("competitors"), competitorId.toString(),
                value)).awaitCompletion();
    }

    private static void sendStoreProduct(KafkaCompanion kafka, UUID competitorId, String handle, Instant seen) {
        PriceUpdates.send(kafka, "store:" + competitorId + ":" + handle, PriceUpdates.forStore(UUID.randomUUID(),
                competitorId, handle, "active", "Product " + handle, new BigDecimal("19.99"), seen));
    }

    private static JsonPath tracked(UUID user) {
        return given().auth().oauth2(token(user)).get("/api/v1/products/").then().statusCode(200).extract()
                .jsonPath();
    }

    private static ConsumerRecord<String, String> awaitOn(String topic, String key, String containing) {
        try (KafkaCompanion kafka = Kafka.companion()) {
            return Kafka.awaitRecord(kafka, Kafka.topic(topic),
                    r -> key.equals(r.key()) && r.value() != null && r.value().contains(containing));
        }
    }

    private boolean inCatalog(String productKey) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> products.findByKey(productKey)) != null;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOwnerTracksTheStoresProductsUpToTheLimitAndADeletedStoreEndsIt() {
        UUID owner = UUID.randomUUID();
        UUID competitorId = UUID.randomUUID();
        Instant seen = Instant.parse("2026-02-10T10:00:00Z");
        try (KafkaCompanion kafka = Kafka.companion()) {
            String account = AccountEventsConsumerTest.accountState(owner, "store-owner@example.com", "free", 2,
                    false, Instant.now());
            Contracts.assertConforms("account.events", "account_state", account);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), owner.toString(),
                    account)).awaitCompletion();
            sendCompetitor(kafka, competitorId, competitorState(competitorId, owner, false));
            await().atMost(Duration.ofSeconds(30)).until(() -> "store-owner@example.com".equals(given().auth()
                    .oauth2(token(owner)).get("/api/v1/users/me").jsonPath().getString("email"))
                    && given().auth().oauth2(token(owner)).get("/api/v1/competitors/" + competitorId + "/products")
                            .statusCode() == 200);

            for (int i = 0; i < 3; i++) {
                sendStoreProduct(kafka, competitorId, "item-" + i, seen.plusSeconds(i));
            }
        }
        String storePath = "/api/v1/competitors/" + competitorId + "/products";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token(owner)).get(storePath)
                .jsonPath().getInt("total") == 3 && tracked(owner).getInt("total") == 2);

        // The third is in the catalog (the store's list) but not tracked: usage says the limit is reached.
        ConsumerRecord<String, String> usage = awaitOn("usage", owner.toString(), "\"limit_reached\":true");
        Contracts.assertConforms("usage", "usage_count", usage.value());
        assertEquals(2, new JsonPath(usage.value()).getInt("data.count"));
        assertEquals(2, new JsonPath(usage.value()).getInt("data.limit"));
        List<String> trackedIds = tracked(owner).getList("items.id");
        for (String productId : trackedIds) {
            ConsumerRecord<String, String> state = awaitOn("products", productId, owner.toString());
            Contracts.assertConforms("products", "product_state", state.value());
            assertEquals(List.of(owner.toString()), new JsonPath(state.value()).getList("data.trackers"));
            assertEquals(competitorId.toString(), new JsonPath(state.value()).getString("data.competitor_id"));
        }
        // Store products count against max_products like any other tracking.
        given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://shop.example.com/extra/" + UUID.randomUUID()))
                .post("/api/v1/products/track").then().statusCode(403)
                .body("detail", equalTo("Plan limit reached: max_products=2"));
        // Another user sees none of it.
        assertEquals(0, tracked(UUID.randomUUID()).getInt("total"));

        try (KafkaCompanion kafka = Kafka.companion()) {
            sendCompetitor(kafka, competitorId, competitorState(competitorId, owner, true));
            kafka.produceStrings().fromRecords(new ProducerRecord<String, String>(Kafka.topic("competitors"),
                    competitorId.toString(), null)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tracked(owner).getInt("total") == 0);
        given().auth().oauth2(token(owner)).get(storePath).then().statusCode(404);
        for (String productId : trackedIds) {
            ConsumerRecord<String, String> state = awaitOn("products", productId, "\"trackers\":[]");
            Contracts.assertConforms("products", "product_state", state.value());
        }
        ConsumerRecord<String, String> freed = awaitOn("usage", owner.toString(), "\"count\":0");
        Contracts.assertConforms("usage", "usage_count", freed.value());
        assertEquals(false, new JsonPath(freed.value()).getBoolean("data.limit_reached"));
    }

    @Test
    void productsSeenBeforeTheStoreArrivesAreAdoptedAndATombstoneAloneEndsTracking() {
        UUID owner = UUID.randomUUID();
        UUID competitorId = UUID.randomUUID();
        String key = "store:" + competitorId + ":early-bird";
        try (KafkaCompanion kafka = Kafka.companion()) {
            sendStoreProduct(kafka, competitorId, "early-bird", Instant.parse("2026-02-10T10:00:00Z"));
            await().atMost(Duration.ofSeconds(30)).until(() -> inCatalog(key));
            assertEquals(0, tracked(owner).getInt("total"), "no store known yet, so no owner to track it");

            sendCompetitor(kafka, competitorId, competitorState(competitorId, owner, false));
            await().atMost(Duration.ofSeconds(30)).until(() -> tracked(owner).getInt("total") == 1);
            assertEquals(key, tracked(owner).getString("items[0].product_key"));
            given().auth().oauth2(token(owner)).post("/api/v1/users/me/watchlist/"
                    + tracked(owner).getString("items[0].id")).then().statusCode(200);

            kafka.produceStrings().fromRecords(new ProducerRecord<String, String>(Kafka.topic("competitors"),
                    competitorId.toString(), null)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tracked(owner).getInt("total") == 0);
        // A store product is seen only while tracked: it leaves the watchlist with the tracking.
        given().auth().oauth2(token(owner)).get("/api/v1/users/me").then().statusCode(200)
                .body("watchlist", org.hamcrest.Matchers.empty());
    }
}
