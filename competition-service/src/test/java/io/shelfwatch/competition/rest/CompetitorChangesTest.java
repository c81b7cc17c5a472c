package io.shelfwatch.competition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.competition.support.Accounts;
import io.shelfwatch.competition.support.Contracts;
import io.shelfwatch.competition.support.Kafka;
import io.shelfwatch.competition.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.awaitility.Awaitility.await;

/** Doc E's competitor changes, as a user sees them and as the other services hear of them. */
@QuarkusTest
class CompetitorChangesTest {

    private static String create(String token, String name, String url) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "url", url, "platform", "shopify"))
                .post("/api/v1/competitors/").then().statusCode(201).extract().path("id");
    }

    /** Every record on the topic under the key, in order, waiting until `count` have arrived. */
    private static List<ConsumerRecord<String, String>> recordsFor(String topic, String key, int count) {
        try (KafkaCompanion kafka = Kafka.companion();
                ConsumerTask<String, String> task = kafka.consumeStrings()
                        .withGroupId("test-" + UUID.randomUUID())
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(Kafka.topic(topic))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> task.stream().filter(r -> key.equals(r.key())).count() >= count);
            return task.stream().filter(r -> key.equals(r.key())).toList();
        }
    }

    @Test
    void aNewStoreIsCreatedNormalizedAndAnnounced() {
        UUID owner = UUID.randomUUID();
        String token = Tokens.forUser(owner, "owner@example.com", "pro");

        String id = given().auth().oauth2(token).contentType(ContentType.JSON).header("X-Request-Id", "req-create-1")
                .body(Map.of("name", " Rival Gadgets ", "url", "HTTPS://Rival-Gadgets.COM/?utm_source=x#top",
                        "platform", "shopify"))
                .post("/api/v1/competitors/").then().statusCode(201)
                .body("name", equalTo("Rival Gadgets"))
                .body("url", equalTo("https://rival-gadgets.com"))
                .body("status", equalTo("active"))
                .body("product_count", equalTo(0))
                .body("last_scanned", equalTo(null))
                .body("user_id", equalTo(owner.toString()))
                .body("created_at", notNullValue())
                .extract().path("id");

        given().auth().oauth2(token).get("/api/v1/competitors/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("url", equalTo("https://rival-gadgets.com"));

        ConsumerRecord<String, String> state = recordsFor("competitors", id, 1).get(0);
        Contracts.assertConforms("competitors", "competitor_state", state.value());
        assertTrue(state.value().contains("\"status\":\"active\"") && state.value().contains("\"deleted\":false"));
        assertEquals("req-create-1",
                new String(state.headers().lastHeader("x-request-id").value(), StandardCharsets.UTF_8));

        ConsumerRecord<String, String> usage = recordsFor("usage", owner.toString(), 1).get(0);
        Contracts.assertConforms("usage", "usage_count", usage.value());
        assertTrue(usage.value().contains("\"count\":1"), usage.value());
        assertTrue(usage.value().contains("\"limit\":25"), "the token's plan while the account copy lags");
    }

    @Test
    void thePlanLimitComesFromTheAccountCopy() throws Throwable {
        UUID owner = UUID.randomUUID();
        Accounts.store(owner, "free", 2);
        // The token claims a bigger plan; the local copy decides.
        String token = Tokens.forUser(owner, "owner@example.com", "enterprise");
        create(token, "One", "https://one.example.com");
        create(token, "Two", "https://two.example.com");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Three", "url", "https://three.example.com", "platform", "shopify"))
                .post("/api/v1/competitors").then().statusCode(403)
                .body("detail", equalTo("Plan limit reached: max_competitors=2"));
        given().auth().oauth2(token).get("/api/v1/competitors").then().body("total", equalTo(2));

        List<ConsumerRecord<String, String>> usage = recordsFor("usage", owner.toString(), 2);
        String last = usage.get(usage.size() - 1).value();
        Contracts.assertConforms("usage", "usage_count", last);
        assertTrue(last.contains("\"count\":2") && last.contains("\"limit_reached\":true"), last);
    }

    @Test
    void invalidBodiesAre422WithTheField() {
        String token = Tokens.forUser(UUID.randomUUID(), "v@example.com", "pro");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://x.example.com", "platform", "shopify"))
                .post("/api/v1/competitors").then().statusCode(422)
                .body("detail.loc", hasItem(List.of("body", "name")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "url", "ftp://x.example.com", "platform", "shopify"))
                .post("/api/v1/competitors").then().statusCode(422)
                .body("detail.loc", hasItem(List.of("body", "url")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":")
                .post("/api/v1/competitors").then().statusCode(422);
    }

    @Test
    void aNulCharacterIs422AtItsFieldAndNothingIsWritten() {
        String token = Tokens.forUser(UUID.randomUUID(), "nul@example.com", "pro");
        String id = create(token, "Rival", "https://rival-nul.example.com");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"nul\\u0000name\",\"url\":\"https://nul.example.com\",\"platform\":\"shopify\"}")
                .post("/api/v1/competitors").then().statusCode(422)
                .body("detail.loc", contains(List.of("body", "name")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Nul\",\"url\":\"https://nul.example.com\",\"platform\":\"shop\\u0000ify\"}")
                .post("/api/v1/competitors").then().statusCode(422)
                .body("detail.loc", contains(List.of("body", "platform")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"\\u0000\"}")
                .patch("/api/v1/competitors/" + id).then().statusCode(422)
                .body("detail.loc", contains(List.of("body", "name")));

        given().auth().oauth2(token).get("/api/v1/competitors").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Rival"));
    }

    @Test
    void anotherUsersStoreIsNotFoundAndAMalformedIdIs400() {
        String owner = Tokens.forUser(UUID.randomUUID(), "a@example.com", "pro");
        String stranger = Tokens.forUser(UUID.randomUUID(), "b@example.com", "pro");
        String id = create(owner, "Mine", "https://mine.example.com");

        given().auth().oauth2(stranger).get("/api/v1/competitors/" + id).then().statusCode(404)
                .body("detail", equalTo("Competitor not found"));
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("status", "paused"))
                .patch("/api/v1/competitors/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).delete("/api/v1/competitors/" + id).then().statusCode(404);
        given().auth().oauth2(owner).get("/api/v1/competitors/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(owner).get("/api/v1/competitors/not-a-uuid").then().statusCode(400)
                .body("detail", equalTo("Invalid competitor id"));
        given().auth().oauth2(owner).delete("/api/v1/competitors/1-2-3-4-5").then().statusCode(400);
        given().auth().oauth2(owner).get("/api/v1/competitors/" + id).then().statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void pausingAndEditingAreAnnouncedAndReadOnlyFieldsCannotBeSet() {
        String token = Tokens.forUser(UUID.randomUUID(), "p@example.com", "pro");
        String id = create(token, "Rival", "https://rival.example.com");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("status", "paused", "url", "https://Rival.example.com/shop/"))
                .patch("/api/v1/competitors/" + id).then().statusCode(200)
                .body("status", equalTo("paused"))
                .body("url", equalTo("https://rival.example.com/shop"))
                .body("name", equalTo("Rival"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "stopped"))
                .patch("/api/v1/competitors/" + id).then().statusCode(422)
                .body("detail.loc", contains(List.of("body", "status")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("product_count", 99))
                .patch("/api/v1/competitors/" + id).then().statusCode(422)
                .body("detail.loc", contains(List.of("body", "product_count")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "  "))
                .patch("/api/v1/competitors/" + id).then().statusCode(422);
        given().auth().oauth2(token).get("/api/v1/competitors/" + id).then()
                .body("status", equalTo("paused")).body("product_count", equalTo(0)).body("name", equalTo("Rival"));

        List<ConsumerRecord<String, String>> states = recordsFor("competitors", id, 2);
        String paused = states.get(1).value();
        Contracts.assertConforms("competitors", "competitor_state", paused);
        assertTrue(paused.contains("\"status\":\"paused\""), paused);
    }

    @Test
    void deletingAnnouncesADeletedStateThenATombstone() {
        UUID owner = UUID.randomUUID();
        String token = Tokens.forUser(owner, "d@example.com", "free");
        String id = create(token, "Gone Soon", "https://gone.example.com");

        given().auth().oauth2(token).delete("/api/v1/competitors/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/competitors/" + id).then().statusCode(404);
        given().auth().oauth2(token).delete("/api/v1/competitors/" + id).then().statusCode(404);

        List<ConsumerRecord<String, String>> records = recordsFor("competitors", id, 3);
        Contracts.assertConforms("competitors", "competitor_state", records.get(1).value());
        assertTrue(records.get(1).value().contains("\"deleted\":true"));
        assertNull(records.get(2).value(), "a tombstone follows the deleted state");

        List<ConsumerRecord<String, String>> usage = recordsFor("usage", owner.toString(), 2);
        String last = usage.get(usage.size() - 1).value();
        Contracts.assertConforms("usage", "usage_count", last);
        assertTrue(last.contains("\"count\":0") && last.contains("\"limit\":3"), last);
        assertNotNull(usage.get(0).headers().lastHeader("x-request-id"));
    }
}
