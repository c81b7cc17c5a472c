package io.shelfwatch.etl.analytics;

import static io.shelfwatch.etl.analytics.BrandAnalyticsTest.A;
import static io.shelfwatch.etl.analytics.BrandAnalyticsTest.as;
import static io.shelfwatch.etl.analytics.BrandAnalyticsTest.products;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.shelfwatch.etl.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** sqp.reports records put on the real broker, as connector-service would, load like an upload. */
@QuarkusTest
class SqpReportsConsumerTest {

    static final Map<String, String> AUGUST = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");

    static String record(UUID eventId, UUID userId, UUID brandId, String document) {
        return """
                {"event_id":"%s","type":"sqp_report","occurred_at":"2026-02-12T10:00:00Z",
                 "data":{"user_id":"%s","brand_id":"%s","report_id":"rep-%s","marketplace_id":"ATVPDKIKX0DER",
                  "document_encoding":"gzip+base64","document":"%s"}}
                """.formatted(eventId, userId, brandId, eventId, SqpDocuments.gzipBase64(document));
    }

    static void send(KafkaCompanion kafka, UUID brandId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Kafka.topic("sqp.reports"), brandId.toString(), value);
        record.headers().add("x-request-id", "sqp-test".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    @Test
    void aConnectorReportCreatesTheUsersBrandAndLoadsOnce() {
        UUID userId = UUID.randomUUID();
        String token = Tokens.forUser(userId, "seller@example.com", "pro");
        UUID brandId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String value = record(eventId, userId, brandId, BrandAnalyticsTest.WEEK1);
        Contracts.assertConforms("sqp.reports", "sqp_report", value);

        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, brandId, value);
            await().atMost(Duration.ofSeconds(30)).until(() -> as(token).get("/api/brands/" + brandId).statusCode() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> products(token, brandId.toString(), AUGUST)
                    .extract().<Integer>path("totalCount") == 2);
            products(token, brandId.toString(), AUGUST).body("products[0].asin", equalTo(A))
                    .body("products[0].impressions", equalTo(200));

            // Redelivered, then re-published with a new event id: nothing changes either way.
            send(kafka, brandId, value);
            send(kafka, brandId, record(UUID.randomUUID(), userId, brandId, BrandAnalyticsTest.WEEK1));
            // A record on another user's brand can never apply: it goes to the DLQ and changes nothing.
            UUID intruder = UUID.randomUUID();
            String hostile = record(UUID.randomUUID(), intruder, brandId, BrandAnalyticsTest.WEEK2);
            Contracts.assertConforms("sqp.reports", "sqp_report", hostile);
            send(kafka, brandId, hostile);
            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("sqp.reports.dlq"),
                    r -> r.value() != null && r.value().contains(intruder.toString()));
            assertEquals(brandId.toString(), dead.key());
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("does not belong"), reason);
        }
        products(token, brandId.toString(), AUGUST).body("totalCount", equalTo(2))
                .body("products[0].impressions", equalTo(200));
        as(Tokens.forUser(UUID.randomUUID(), "x@example.com", "pro")).get("/api/brands/" + brandId).then().statusCode(404);
    }

    @Test
    void aRestatementOnTheTopicReplacesTheWeek() {
        UUID userId = UUID.randomUUID();
        String token = Tokens.forUser(userId, "seller@example.com", "pro");
        String brandId = BrandAnalyticsTest.createBrand(token, "Topic brand " + UUID.randomUUID());
        String restated = SqpDocuments.weekly(BrandAnalyticsTest.W1_START, BrandAnalyticsTest.W1_END, List.of(
                SqpDocuments.row(A, BrandAnalyticsTest.W1_START, BrandAnalyticsTest.W1_END, "q1",
                        1000, 111, 100, 20, 40, 10, 20, 5, 10)));
        BrandAnalyticsTest.load(token, brandId, BrandAnalyticsTest.WEEK1).statusCode(201);
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, UUID.fromString(brandId), record(UUID.randomUUID(), userId, UUID.fromString(brandId), restated));
        }
        // The restated week covers A only: A's numbers are replaced, B's stay.
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(111).equals(
                products(token, brandId, Map.of("startDate", "2025-08-01", "endDate", "2025-08-31", "sortBy", "asin",
                        "order", "asc")).extract().path("products[0].impressions")));
        products(token, brandId, Map.of("startDate", "2025-08-01", "endDate", "2025-08-31", "sortBy", "asin",
                "order", "asc")).body("products[1].impressions", equalTo(50));
    }

    @Test
    void aRecordThatIsNotAReportGoesToTheDlq() {
        UUID brandId = UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        String notGzip = """
                {"event_id":"%s","type":"sqp_report","occurred_at":"2026-02-12T10:00:00Z",
                 "data":{"user_id":"%s","brand_id":"%s","report_id":"%s","document_encoding":"gzip+base64",
                  "document":"bm90IGd6aXA="}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), brandId, marker);
        Contracts.assertConforms("sqp.reports", "sqp_report", notGzip);
        String notAReport = record(UUID.randomUUID(), UUID.randomUUID(), brandId, "{\"reportSpecification\":{}}")
                .replace("\"rep-", "\"" + marker + "-");
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, brandId, notGzip);
            send(kafka, brandId, notAReport);
            Kafka.awaitRecord(kafka, Kafka.topic("sqp.reports.dlq"),
                    r -> r.value() != null && r.value().contains("\"report_id\":\"" + marker + "\""));
            ConsumerRecord<String, String> invalid = Kafka.awaitRecord(kafka, Kafka.topic("sqp.reports.dlq"),
                    r -> r.value() != null && r.value().contains("\"" + marker + "-"));
            String reason = new String(invalid.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("invalid Search Query Performance report"), reason);
            assertEquals("sqp-test", new String(invalid.headers().lastHeader("x-request-id").value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aDeletedUsersBrandsAndTheirDataGo() {
        UUID userId = UUID.randomUUID();
        String token = Tokens.forUser(userId, "leaver@example.com", "pro");
        String brandId = BrandAnalyticsTest.createBrand(token, "Leaving " + UUID.randomUUID());
        BrandAnalyticsTest.load(token, brandId, BrandAnalyticsTest.WEEK1).statusCode(201);
        String deleted = """
                {"event_id":"%s","type":"account_state","occurred_at":"%s",
                 "data":{"user_id":"%s","email":"leaver@example.com","created_at":"2026-02-12T10:00:00Z",
                  "is_active":false,"deleted":true,"roles":["user"],"plan":"pro","max_competitors":25,
                  "max_products":100,"scan_frequency":"daily","alerts_enabled":true}}
                """.formatted(UUID.randomUUID(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                userId);
        Contracts.assertConforms("account.events", "account_state", deleted);
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), userId.toString(),
                    deleted)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> as(token).get("/api/brands/" + brandId).statusCode() == 404);
        as(token).get("/api/brands").then().statusCode(200).body("size()", equalTo(0));
    }
}
