package io.shelfwatch.etl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Raw observations put on the real broker, as the ingest API or the extractor would, leave as price.updates. */
@QuarkusTest
public class RawEventPipelineTest {

    public static String randomAsin() {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder asin = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            asin.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return asin.toString();
    }

    public static String rawEvent(UUID eventId, String asin, Instant at, String eventType, String rawData) {
        return """
                {"event_id":"%s","type":"raw_product_event","occurred_at":"%s",
                 "data":{"product_key":"asin:%s","asin":"%s","source":"ingest_api","event_type":"%s",
                  "raw_data":%s,"job_id":"job-7"}}
                """.formatted(eventId, at, asin, asin, eventType, rawData);
    }

    public static void send(KafkaCompanion kafka, String asin, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Kafka.topic("product.raw-events"), "asin:" + asin, value);
        record.headers().add("x-request-id", ("req-" + asin).getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    public static List<JsonPath> priceUpdates(KafkaCompanion kafka, String asin, String until) {
        List<ConsumerRecord<String, String>> records = Kafka.awaitRecordsOfKey(kafka, Kafka.topic("price.updates"),
                "asin:" + asin, r -> ("asin:" + asin).equals(r.key()) && r.value() != null && r.value().contains(until));
        records.forEach(r -> Contracts.assertConforms("price.updates", "price_update", r.value()));
        return records.stream().map(r -> JsonPath.from(r.value())).toList();
    }

    public static long observationsStored(String productKey) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery("SELECT CAST(COALESCE(SUM(observations), 0) AS bigint)"
                            + " FROM product_daily_metrics WHERE product_key = :key", Long.class)
                            .setParameter("key", productKey).getSingleResult())))
                    .longValue();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangedObservationIsPublishedWithTheFullSnapshotAndThePreviousValues() {
        String asin = randomAsin();
        Instant t0 = Instant.parse("2026-02-12T10:00:00Z");
        String first = rawEvent(UUID.randomUUID(), asin, t0, "product_snapshot", """
                {"title":"Wireless Earbuds","brand":"Acme","price":49.99,"currency":"usd","bsr":"#1,234 in Electronics",
                 "rating":4.5,"reviews_count":"2,001 ratings","availability":"In Stock","seller_note":"kept"}""");
        String second = rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(3600), "product_snapshot",
                "{\"price\":\"$39.99\",\"bsr\":900}");
        Contracts.assertConforms("product.raw-events", "raw_product_event", first);
        Contracts.assertConforms("product.raw-events", "raw_product_event", second);

        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, asin, first);
            send(kafka, asin, second);
            List<JsonPath> updates = priceUpdates(kafka, asin, "39.99");
            assertEquals(2, updates.size());

            JsonPath created = updates.get(0);
            assertEquals("asin:" + asin, created.getString("data.product_key"));
            assertEquals("active", created.getString("data.status"));
            assertEquals(49.99f, created.getFloat("data.snapshot.price"));
            assertEquals("USD", created.getString("data.snapshot.currency"));
            assertEquals(1234, created.getInt("data.snapshot.bsr"));
            assertEquals(2001, created.getInt("data.snapshot.reviews_count"));
            assertNull(created.get("data.previous"), "nothing came before the first observation");

            JsonPath changed = updates.get(1);
            assertEquals(39.99f, changed.getFloat("data.snapshot.price"));
            assertEquals("Wireless Earbuds", changed.getString("data.snapshot.title"), "a key not sent keeps its value");
            assertEquals(900, changed.getInt("data.snapshot.bsr"));
            assertEquals("2026-02-12T11:00:00Z", changed.getString("data.snapshot.observed_at"));
            assertEquals(49.99f, changed.getFloat("data.previous.price"));
            assertEquals(1234, changed.getInt("data.previous.bsr"));
            assertEquals("2026-02-12T10:00:00Z", changed.getString("data.previous.observed_at"));
        }
    }

    @Test
    void aRedeliveredEventTakesEffectOnce() {
        String asin = randomAsin();
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        String once = rawEvent(UUID.randomUUID(), asin, t0, "product_snapshot", "{\"price\":10.00,\"bsr\":50}");
        String marker = rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(60), "product_snapshot", "{\"price\":12.34}");

        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, asin, once);
            send(kafka, asin, once);
            send(kafka, asin, marker);
            List<JsonPath> updates = priceUpdates(kafka, asin, "12.34");
            assertEquals(2, updates.size(), "one price update for the redelivered event, one for the next");
            assertEquals(10.0f, updates.get(1).getFloat("data.previous.price"));
        }
        assertEquals(2, observationsStored("asin:" + asin), "the daily metrics count the redelivered event once");
    }

    @Test
    void anIdenticalObservationPublishesNothing() {
        String asin = randomAsin();
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        String data = "{\"title\":\"Mug\",\"price\":8.50,\"bsr\":77}";
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, asin, rawEvent(UUID.randomUUID(), asin, t0, "product_snapshot", data));
            send(kafka, asin, rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(60), "product_snapshot", data));
            send(kafka, asin, rawEvent(UUID.randomUUID(), asin, t0.plusSeconds(120), "product_removed", "{}"));
            List<JsonPath> updates = priceUpdates(kafka, asin, "\"removed\"");
            assertEquals(2, updates.size(), "the repeated observation changed nothing, so nothing was published");
            assertEquals("removed", updates.get(1).getString("data.status"));
            assertEquals("Mug", updates.get(1).getString("data.snapshot.title"));
        }
        assertEquals(2, observationsStored("asin:" + asin), "both snapshots are in the day's metrics");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String asin = randomAsin();
        UUID poisonId = UUID.randomUUID();
        String poison = rawEvent(poisonId, asin, Instant.parse("2026-03-03T08:00:00Z"), "product_snapshot",
                "{\"price\":\"call us\"}");
        String good = rawEvent(UUID.randomUUID(), asin, Instant.parse("2026-03-03T09:00:00Z"), "product_snapshot",
                "{\"price\":5.55}");
        try (KafkaCompanion kafka = Kafka.companion()) {
            send(kafka, asin, "not json at all " + asin);
            send(kafka, asin, poison);
            send(kafka, asin, good);

            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events.dlq"),
                    r -> r.value() != null && r.value().contains(poisonId.toString()));
            assertEquals(poison, dead.value(), "published unchanged");
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("raw_data.price"), reason);
            Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events.dlq"),
                    r -> r.value() != null && r.value().equals("not json at all " + asin));

            List<JsonPath> updates = priceUpdates(kafka, asin, "5.55");
            assertEquals(1, updates.size());
        }
    }
}
