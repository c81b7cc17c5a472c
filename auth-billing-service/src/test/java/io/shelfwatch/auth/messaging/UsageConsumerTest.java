package io.shelfwatch.auth.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.auth.UsageCount;
import io.shelfwatch.auth.repository.UsageCountRepository;
import io.shelfwatch.auth.support.Contracts;
import io.shelfwatch.auth.support.Kafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/** Records put on the real `usage` topic, as product-service would, reach the usage read model. */
@QuarkusTest
class UsageConsumerTest {

    @Inject
    UsageCountRepository repository;

    static String usageRecord(UUID userId, int count, Instant at) {
        return """
                {"event_id":"%s","type":"usage_count","occurred_at":"%s",
                 "data":{"user_id":"%s","metric":"products_tracked","count":%d,"limit":50,"limit_reached":%b}}
                """.formatted(UUID.randomUUID(), at, userId, count, count >= 50);
    }

    private UsageCount stored(UUID userId) {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> repository.findById(new UsageCount.Key(userId, "products_tracked")));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCountReachesTheReadModelAndAnOlderOneDoesNotOverwriteIt() throws Throwable {
        UUID userId = UUID.randomUUID();
        Instant now = Instant.parse("2026-02-12T10:00:00Z");
        String latest = usageRecord(userId, 50, now);
        String older = usageRecord(userId, 7, now.minusSeconds(60));
        Contracts.assertConforms("usage", "usage_count", latest);
        Contracts.assertConforms("usage", "usage_count", older);

        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("usage"), userId.toString(), latest))
                    .awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(userId) != null);
            assertEquals(50, stored(userId).count);
            assertEquals(true, stored(userId).limitReached);

            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("usage"), userId.toString(), older),
                    new ProducerRecord<>(Kafka.topic("usage"), userId.toString(), null))
                    .awaitCompletion();
            // A marker after them: once it is applied, the older record and the tombstone were handled too.
            UUID marker = UUID.randomUUID();
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("usage"), userId.toString(),
                    usageRecord(marker, 1, now))).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(marker) != null);
            assertEquals(50, stored(userId).count, "an older count must not replace a newer one");
        }
    }

    @Test
    void aRecordThatCanNeverBeProcessedGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        String poison = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"usage_count\",\"data\":{\"metric\":\"x\"}}";
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("usage"), key, poison)).awaitCompletion();
            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("usage.dlq"),
                    r -> key.equals(r.key()));
            assertEquals(poison, dead.value());
            assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(reason.contains("invalid") || reason.contains("not a valid"),
                    "the reason says what is wrong: " + reason);
        }
    }
}
