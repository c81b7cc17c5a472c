package io.shelfwatch.competition.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The real broker the service uses, and the topic names as this test run sees them. */
public final class Kafka {

    private Kafka() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** A topic as named in DESIGN.md, with this run's prefix (tests never share topics with a running suite). */
    public static String topic(String name) {
        return ConfigProvider.getConfig().getOptionalValue("shelfwatch.topic-prefix", String.class).orElse("") + name;
    }

    /**
     * Reads the topic from its start with a fresh group (earlier runs' records stay on the
     * topic) until a record matches.
     */
    public static ConsumerRecord<String, String> awaitRecord(KafkaCompanion kafka, String topic,
            Predicate<ConsumerRecord<String, String>> matching) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> task.stream().anyMatch(matching));
            return task.stream().filter(matching).findFirst().orElseThrow();
        }
    }

    /** Every record on the topic from its start, read with a fresh group for the given time. */
    public static java.util.List<ConsumerRecord<String, String>> recordsWithin(KafkaCompanion kafka, String topic,
            Duration reading) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic)) {
            await().pollDelay(reading).atMost(reading.plusSeconds(5)).until(() -> true);
            return task.getRecords();
        }
    }
}
