package io.shelfwatch.etl.pipeline;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.support.Kafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** Batches as the consumer hands them to the pipeline: several events of one product, redelivery, a poison record. */
@QuarkusTest
class RawEventBatchTest {

    @Inject
    PipelineService pipeline;

    @Inject
    RawEventsConsumer consumer;

    @Inject
    RawEventParser parser;

    @Inject
    Pool pool;

    private PendingEvent pending(String value) {
        RawEventParser.Parsed parsed = parser.parse(value);
        return pipeline.pending(parsed.record(), parsed.rawJson(), "req-batch", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    private List<Row> marketAlerts(String asin) {
        return rows("SELECT alert_type, previous_value AS previous, current_value AS current"
                + " FROM market_alerts WHERE product_key = $1 ORDER BY created_at, alert_type", "asin:" + asin);
    }

    @Test
    void aBatchChainsAProductsObservationsInOrderAndRaisesOneAlertPerMove() throws Exception {
        String asin = RawEventPipelineTest.randomAsin();
        Instant t0 = Instant.parse("2026-04-01T08:00:00Z");
        String[] observations = {
            "{\"title\":\"Kettle\",\"price\":100.00,\"bsr\":1000}",
            "{\"price\":80.00}",
            "{\"price\":80.00}",
            "{\"price\":100.00}" };
        List<PendingEvent> batch = new ArrayList<>();
        for (int i = 0; i < observations.length; i++) {
            batch.add(pending(RawEventPipelineTest.rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(60L * i),
                    "product_snapshot", observations[i])));
        }
        PipelineService.BatchOutcome outcome = pipeline.applyConsumed(batch).await().atMost(Duration.ofSeconds(30));
        assertEquals(4, outcome.claimed().size());

        try (KafkaCompanion kafka = Kafka.companion()) {
            List<JsonPath> updates = RawEventPipelineTest.priceUpdates(kafka, asin, "\"2026-04-01T08:03:00Z\"");
            assertEquals(3, updates.size(), "the repeated observation in the batch published nothing");
            assertEquals(100.0f, updates.get(1).getFloat("data.previous.price"));
            assertEquals(80.0f, updates.get(1).getFloat("data.snapshot.price"));
            assertEquals(80.0f, updates.get(2).getFloat("data.previous.price"), "each compared with the one before");
            assertEquals("2026-04-01T08:02:00Z", updates.get(2).getString("data.previous.observed_at"),
                    "the repeat moved only when the product was last seen");
            assertEquals("Kettle", updates.get(2).getString("data.snapshot.title"));
        }
        List<Row> alerts = marketAlerts(asin);
        assertEquals(2, alerts.size(), "one alert per move, none for the repeat");
        assertEquals("price_drop", alerts.get(0).getString("alert_type"));
        assertEquals(0, alerts.get(0).getBigDecimal("previous").compareTo(new BigDecimal("100")));
        assertEquals("price_increase", alerts.get(1).getString("alert_type"));
        assertEquals(0, alerts.get(1).getBigDecimal("previous").compareTo(new BigDecimal("80")));
        assertEquals(4, RawEventPipelineTest.observationsStored("asin:" + asin));
        assertEquals(0, rows("SELECT price FROM product_latest WHERE product_key = $1", "asin:" + asin).get(0)
                .getBigDecimal("price").compareTo(new BigDecimal("100")), "the batch's last observation is the latest state");
    }

    @Test
    void aRedeliveredBatchTakesEffectOncePerEvent() throws Exception {
        String asin = RawEventPipelineTest.randomAsin();
        Instant t0 = Instant.parse("2026-04-02T08:00:00Z");
        List<PendingEvent> batch = List.of(
                pending(RawEventPipelineTest.rawEvent(UUID.randomUUID(), asin, t0, "product_snapshot",
                        "{\"price\":10.00,\"bsr\":50}")),
                pending(RawEventPipelineTest.rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(60), "product_snapshot",
                        "{\"price\":5.00}")));
        assertEquals(2, pipeline.applyConsumed(batch).await().atMost(Duration.ofSeconds(30)).claimed().size());
        assertEquals(0, pipeline.applyConsumed(batch).await().atMost(Duration.ofSeconds(30)).claimed().size(),
                "nothing of a redelivered batch is claimed again");
        PendingEvent marker = pending(RawEventPipelineTest.rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(120),
                "product_snapshot", "{\"price\":6.00}"));
        pipeline.applyConsumed(List.of(marker, batch.get(1))).await().atMost(Duration.ofSeconds(30));

        try (KafkaCompanion kafka = Kafka.companion()) {
            List<JsonPath> updates = RawEventPipelineTest.priceUpdates(kafka, asin, "\"2026-04-02T08:02:00Z\"");
            assertEquals(3, updates.size(), "one price update per event");
            assertEquals(5.0f, updates.get(2).getFloat("data.previous.price"));
        }
        assertEquals(3, RawEventPipelineTest.observationsStored("asin:" + asin));
        assertEquals(List.of("price_drop", "price_increase"),
                marketAlerts(asin).stream().map(r -> r.getString("alert_type")).toList());
        assertEquals(3L, rows("SELECT count(*) AS n FROM raw_events WHERE product_key = $1 AND status = 'processed'",
                "asin:" + asin).get(0).getLong("n"));
    }

    @Test
    void aPoisonRecordInABatchGoesToTheDeadLetterTopicAndTheOthersAreApplied() {
        String asin = RawEventPipelineTest.randomAsin();
        UUID poisonId = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-04-03T08:00:00Z");
        String first = RawEventPipelineTest.rawEvent(UUID.randomUUID(), asin, t0, "product_snapshot", "{\"price\":7.00}");
        String poison = RawEventPipelineTest.rawEvent(poisonId, asin, t0.plusSeconds(60), "product_snapshot",
                "{\"price\":\"call us\"}");
        String last = RawEventPipelineTest.rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(120), "product_snapshot",
                "{\"price\":7.70}");
        TopicPartition partition = new TopicPartition(Kafka.topic("product.raw-events"), 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        String[] values = { first, "not json " + asin, poison, last };
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(partition.topic(), 0, 900_000_000L + i, "asin:" + asin, values[i]));
        }
        consumer.consume(new ConsumerRecords<>(Map.of(partition, records), Map.of()))
                .await().atMost(Duration.ofSeconds(30));

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events.dlq"),
                    r -> poison.equals(r.value()));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("raw_data.price"), reason);
            assertEquals("asin:" + asin, dead.key());
            Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events.dlq"), r -> ("not json " + asin).equals(r.value()));

            List<JsonPath> updates = RawEventPipelineTest.priceUpdates(kafka, asin, "7.7");
            assertEquals(2, updates.size());
            assertEquals(7.0f, updates.get(1).getFloat("data.previous.price"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(
                rows("SELECT status FROM raw_events WHERE event_id = $1", poisonId).get(0).getString("status")));
    }
}
