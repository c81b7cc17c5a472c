package io.shelfwatch.etl.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.pipeline.RawEventPipelineTest;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.shelfwatch.etl.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class MarketAlertsTest {

    @Test
    void eachMoveRaisesOneSignedAlertAndARepeatRaisesNothing() {
        String asin = RawEventPipelineTest.randomAsin();
        Instant t0 = Instant.parse("2026-03-05T08:00:00Z");
        try (KafkaCompanion kafka = Kafka.companion()) {
            String[] observations = {
                "{\"price\":100.00,\"bsr\":1000}",
                "{\"price\":80.00}",
                "{\"price\":80.00}",
                "{\"price\":85.00,\"bsr\":1500}" };
            for (int i = 0; i < observations.length; i++) {
                RawEventPipelineTest.send(kafka, asin, RawEventPipelineTest.rawEvent(UUID.randomUUID(), asin,
                        t0.plusSeconds(60L * i), "product_snapshot", observations[i]));
            }
            List<ConsumerRecord<String, String>> records = Kafka.awaitRecordsOfKey(kafka, Kafka.topic("alerts"),
                    "asin:" + asin, r -> ("asin:" + asin).equals(r.key()) && r.value().contains("bsr_increase"));
            records.forEach(r -> Contracts.assertConforms("alerts", "alert_raised", r.value()));
            assertEquals(2, records.size(), "a 6.25 % price move and the repeated observation raise nothing");

            JsonPath drop = JsonPath.from(records.get(0).value());
            assertEquals("price_drop", drop.getString("data.alert_type"));
            assertEquals("market", drop.getString("data.kind"));
            assertNull(drop.get("data.user_id"));
            assertEquals(-20.0f, drop.getFloat("data.change_percent"), "100 → 80 is −20");
            assertEquals("medium", drop.getString("data.severity"));
            JsonPath rank = JsonPath.from(records.get(1).value());
            assertEquals(50.0f, rank.getFloat("data.change_percent"));
            assertEquals(1000, rank.getInt("data.old_value"));
        }

        String reader = Tokens.forUser(UUID.randomUUID(), "reader@example.com", "pro");
        String dropId = given().auth().oauth2(reader).queryParam("asin", asin.toLowerCase()).get("/v1/etl/alerts")
                .then().statusCode(200)
                .body("alert_type", containsInAnyOrder("price_drop", "bsr_increase"))
                .body("is_resolved", containsInAnyOrder(false, false))
                .extract().path("find { it.alert_type == 'price_drop' }.id");

        given().auth().oauth2(reader).post("/v1/etl/alerts/" + dropId + "/resolve").then().statusCode(403);
        given().auth().oauth2(Tokens.forAdmin()).queryParam("resolved_by", "ops")
                .post("/v1/etl/alerts/" + dropId + "/resolve").then().statusCode(200)
                .body("is_resolved", equalTo(true)).body("change_percent", equalTo(-20.0f));
        given().auth().oauth2(reader).queryParam("asin", asin).get("/v1/etl/alerts").then()
                .body("$", hasSize(1)).body("[0].alert_type", equalTo("bsr_increase"));
        given().auth().oauth2(Tokens.forAdmin()).post("/v1/etl/alerts/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(404).body("detail", equalTo("Alert not found"));
        given().auth().oauth2(Tokens.forAdmin()).urlEncodingEnabled(false).queryParam("resolved_by", "ops%00x")
                .post("/v1/etl/alerts/" + dropId + "/resolve").then().statusCode(422)
                .body("detail[0].loc", contains("query", "resolved_by"));

        given().auth().oauth2(reader).queryParam("days", 36500).get("/v1/etl/alerts/summary").then().statusCode(422);
        given().auth().oauth2(reader).queryParam("days", "abc").get("/v1/etl/alerts/summary").then().statusCode(422)
                .body("detail[0].loc", contains("query", "days"))
                .body("detail[0].type", equalTo("type_error.integer"));
        given().auth().oauth2(reader).queryParam("limit", "abc").get("/v1/etl/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("query", "limit"));
        given().auth().oauth2(reader).get("/v1/etl/alerts/summary").then().statusCode(200)
                .body("by_type.price_drop", greaterThanOrEqualTo(1))
                .body("by_severity.medium", greaterThanOrEqualTo(2));
    }
}
