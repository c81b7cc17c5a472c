package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.product.support.Contracts;
import io.shelfwatch.product.support.Kafka;
import io.shelfwatch.product.support.PriceUpdates;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Doc E's store products, fed by `competitors` and `price.updates` on the real broker. */
@QuarkusTest
class CompetitorProductsResourceTest {

    static String competitorState(UUID competitorId, UUID owner, String name, boolean deleted) {
        String value = """
                {"event_id":"%s","type":"competitor_state","occurred_at":"%s",
                 "data":{"competitor_id":"%s","user_id":"%s","name":"%s","url":"https://rival.example.com",
                  "platform":"shopify","status":"active","deleted":%b,
                  "created_at":"2026-02-10T10:00:00Z","updated_at":"2026-02-10T10:00:00Z"}}
                """.formatted(UUID.randomUUID(), Instant.now(), competitorId, owner, name, deleted);
        Contracts.assertConforms("competitors", "competitor_state", value);
        return value;
    }

    @Test
    void theOwnerSeesTheStoresProductsAndNoOneElseDoes() {
        UUID owner = UUID.randomUUID();
        UUID competitorId = UUID.randomUUID();
        Instant firstSeen = Instant.parse("2026-02-10T10:00:00Z");
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("competitors"),
                    competitorId.toString(), competitorState(competitorId, owner, "Rival Gadgets", false)))
                    .awaitCompletion();
            String key = "store:" + competitorId + ":earbuds";
            PriceUpdates.send(kafka, key, PriceUpdates.forStore(UUID.randomUUID(), competitorId, "earbuds", "active",
                    "Wireless Earbuds", new BigDecimal("59.99"), firstSeen));
            PriceUpdates.send(kafka, key, PriceUpdates.forStore(UUID.randomUUID(), competitorId, "earbuds",
                    "removed", "Wireless Earbuds", new BigDecimal("49.99"), firstSeen.plusSeconds(86400)));
        }
        String path = "/api/v1/competitors/" + competitorId + "/products";
        String ownerToken = TrackedProductResourceTest.token(owner);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().auth().oauth2(ownerToken).get(path);
            return response.statusCode() == 200 && response.jsonPath().getInt("total") == 1
                    && "removed".equals(response.jsonPath().getString("items[0].status"));
        });
        given().auth().oauth2(ownerToken).get(path).then().statusCode(200)
                .body("page", equalTo(1)).body("per_page", equalTo(20))
                .body("items[0].competitor_id", equalTo(competitorId.toString()))
                .body("items[0].competitor_name", equalTo("Rival Gadgets"))
                .body("items[0].title", equalTo("Wireless Earbuds"))
                .body("items[0].first_seen", equalTo("2026-02-10T10:00:00Z"))
                .body("items[0].last_seen", equalTo("2026-02-10T10:00:00Z"))
                .body("items[0].price_history.size()", equalTo(2))
                .body("items[0].price_history[1].price", equalTo(49.99f));
        given().auth().oauth2(ownerToken).queryParam("status", "active").get(path).then().statusCode(200)
                .body("total", equalTo(0));
        // A page far past the end is empty with the real total; a page that is not an integer is invalid input.
        given().auth().oauth2(ownerToken).queryParam("page", Integer.MAX_VALUE).get(path).then().statusCode(200)
                .body("items", empty()).body("total", equalTo(1));
        given().auth().oauth2(ownerToken).queryParam("per_page", "x").get(path).then().statusCode(422)
                .body("detail[0].loc", contains("query", "per_page"));

        given().auth().oauth2(TrackedProductResourceTest.token(UUID.randomUUID())).get(path).then().statusCode(404);
        given().auth().oauth2(ownerToken).get("/api/v1/competitors/not-a-uuid/products").then().statusCode(400);
        given().auth().oauth2(ownerToken).get("/api/v1/competitors/" + UUID.randomUUID() + "/products").then()
                .statusCode(404);
    }
}
