package io.shelfwatch.etl.extract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.shelfwatch.etl.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** What product-service and competition-service would put on `products` and `competitors`, and the job trigger. */
final class Targets {

    private Targets() {
    }

    static String productState(UUID productId, String productKey, String url, String asin, UUID competitorId,
            List<UUID> trackers, boolean deleted) {
        String value = """
                {"event_id":"%s","type":"product_state","occurred_at":"%s",
                 "data":{"product_id":"%s","product_key":"%s","url":%s,"asin":%s,"competitor_id":%s,
                  "trackers":[%s],"deleted":%b}}
                """.formatted(UUID.randomUUID(), Instant.now(), productId, productKey, quoted(url), quoted(asin),
                quoted(competitorId == null ? null : competitorId.toString()),
                trackers.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")), deleted);
        Contracts.assertConforms("products", "product_state", value);
        return value;
    }

    static String competitorState(UUID competitorId, UUID userId, String url, String platform, String status,
            boolean deleted) {
        String value = """
                {"event_id":"%s","type":"competitor_state","occurred_at":"%s",
                 "data":{"competitor_id":"%s","user_id":"%s","name":"Northwind Outfitters","url":"%s",
                  "platform":"%s","status":"%s","deleted":%b,"created_at":"2026-02-12T10:00:00Z",
                  "updated_at":"%s"}}
                """.formatted(UUID.randomUUID(), Instant.now(), competitorId, userId, url, platform, status, deleted,
                Instant.now());
        Contracts.assertConforms("competitors", "competitor_state", value);
        return value;
    }

    static void send(KafkaCompanion kafka, String topic, UUID key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic(topic), key.toString(), value))
                .awaitCompletion();
    }

    /** POST /v1/etl/jobs/trigger product_sync as an admin; answers the finished job's record. */
    static JsonPath productSync() {
        String jobId = given().auth().oauth2(Tokens.forAdmin()).contentType(ContentType.JSON)
                .body("{\"job_name\":\"product_sync\"}")
                .when().post("/v1/etl/jobs/trigger")
                .then().statusCode(200).extract().path("job_id");
        return finishedJob(jobId);
    }

    static JsonPath finishedJob(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("pending", "running").contains(
                given().auth().oauth2(Tokens.forAdmin()).get("/v1/etl/jobs/" + jobId).then().extract().path("status")));
        return given().auth().oauth2(Tokens.forAdmin()).get("/v1/etl/jobs/" + jobId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
