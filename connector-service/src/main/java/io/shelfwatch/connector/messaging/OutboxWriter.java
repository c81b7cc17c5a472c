package io.shelfwatch.connector.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shelfwatch.connector.OutboxEvent;
import io.shelfwatch.connector.repository.OutboxRepository;
import io.shelfwatch.connector.rest.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Adds an event to the outbox inside the caller's transaction; {@link OutboxRelay} sends it. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository repository;
    private final ObjectMapper json;

    public OutboxWriter(OutboxRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public Uni<Void> add(String topic, String key, EventEnvelope<?> envelope) {
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event could not be serialised", e));
        }
        return persist(envelope.eventId(), topic, key, payload);
    }

    /** A null value for the key on a compacted topic: the key is deleted. */
    public Uni<Void> addTombstone(String topic, String key) {
        return persist(UUID.randomUUID(), topic, key, null);
    }

    private Uni<Void> persist(UUID id, String topic, String key, String payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = id;
        event.topic = topic;
        event.recordKey = key;
        event.payload = payload;
        // Work with no request behind it (consumers, schedules) still gets an id to trace it by.
        String requestId = RequestIdFilter.current();
        event.requestId = requestId != null ? requestId : UUID.randomUUID().toString();
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        // Flushed at once so `seq` follows the order of the calls, not Hibernate's insert batching.
        return repository.persistAndFlush(event).replaceWithVoid();
    }
}
