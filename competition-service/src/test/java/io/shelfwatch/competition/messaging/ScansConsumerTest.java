package io.shelfwatch.competition.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.competition.support.Contracts;
import io.shelfwatch.competition.support.Kafka;
import io.shelfwatch.competition.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** scan_finished records, put on the broker as etl-service would, show in the competitor. */
@QuarkusTest
class ScansConsumerTest {

    static String scanFinished(String competitorId, String scannedAt, int found, String error) {
        return """
                {"event_id":"%s","type":"scan_finished","occurred_at":"%s",
                 "data":{"competitor_id":"%s","scan_id":"%s","scanned_at":"%s","found":%d,"new":%d,
                  "removed":0,"back":0,"error":%s}}
                """.formatted(UUID.randomUUID(), scannedAt, competitorId, UUID.randomUUID(), scannedAt, found, found,
                error == null ? "null" : "\"" + error + "\"");
    }

    @Test
    void aFinishedScanSetsLastScannedAndProductCountAndAnOlderOneDoesNot() {
        String token = Tokens.forUser(UUID.randomUUID(), "s@example.com", "pro");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Scanned", "url", "https://scanned.example.com", "platform", "shopify"))
                .post("/api/v1/competitors").then().statusCode(201).extract().path("id");

        String latest = scanFinished(id, "2026-02-12T10:00:00Z", 42, null);
        String older = scanFinished(id, "2026-02-11T10:00:00Z", 7, null);
        String failedLater = scanFinished(id, "2026-02-12T11:00:00Z", 0, "store answered 503");
        Contracts.assertConforms("scans", "scan_finished", latest);
        Contracts.assertConforms("scans", "scan_finished", failedLater);

        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("scans"), id, latest),
                    new ProducerRecord<>(Kafka.topic("scans"), id, older)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                    .get("/api/v1/competitors/" + id).then()
                    .body("last_scanned", equalTo("2026-02-12T10:00:00Z")).body("product_count", equalTo(42)));

            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("scans"), id, failedLater))
                    .awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                    .get("/api/v1/competitors/" + id).then()
                    .body("last_scanned", equalTo("2026-02-12T11:00:00Z")).body("product_count", equalTo(42)));
        }
    }
}
