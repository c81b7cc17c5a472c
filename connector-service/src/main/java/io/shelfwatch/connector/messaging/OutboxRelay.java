package io.shelfwatch.connector.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.shelfwatch.connector.OutboxEvent;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.repository.OutboxRepository;
import io.shelfwatch.connector.rest.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves committed outbox events to Kafka. An event is marked sent only after the broker
 * acknowledged it, in the transaction that locked it; a crash in between sends it again,
 * which consumers absorb by `event_id`.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxRepository repository;
    private final MutinyEmitter<Object> emitter;
    private final ConnectorConfig config;
    private final String topicPrefix;

    public OutboxRelay(OutboxRepository repository, @Channel("outbox") MutinyEmitter<Object> emitter,
            ConnectorConfig config, @ConfigProperty(name = "shelfwatch.topic-prefix") Optional<String> topicPrefix) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config;
        // Empty in a normal deployment (an empty value reads as absent); set for tests and benchmarks.
        this.topicPrefix = topicPrefix.orElse("");
    }

    @Scheduled(every = "${connector.outbox.poll-interval:500ms}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayPending() {
        return relayBatch().replaceWithVoid();
    }

    /** Sends one batch; answers how many events went out. */
    public Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> repository.lockUnsent(config.outbox().batchSize())
                .flatMap(events -> events.isEmpty()
                        ? Uni.createFrom().item(0)
                        : sendAll(events).map(sent -> events.size())));
    }

    private Uni<Void> sendAll(List<OutboxEvent> events) {
        List<Uni<Void>> sends = events.stream().map(this::send).toList();
        // Subscribed in list order, so records of one key keep their order on the partition.
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RequestIdFilter.KAFKA_HEADER, event.requestId.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicPrefix + event.topic)
                .withKey(event.recordKey)
                .withHeaders(headers)
                .build();
        // A message cannot carry a null payload; a Record with a null value is how a tombstone is sent.
        Object payload = event.payload != null ? event.payload : Record.of(event.recordKey, null);
        return emitter.sendMessage(Message.of(payload).addMetadata(metadata))
                .invoke(() -> event.sentAt = OffsetDateTime.now(ZoneOffset.UTC));
    }
}
