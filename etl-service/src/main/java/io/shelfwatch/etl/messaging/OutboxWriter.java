package io.shelfwatch.etl.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shelfwatch.etl.OutboxEvent;
import io.shelfwatch.etl.rest.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Adds an event to the outbox inside the caller's transaction; {@link OutboxRelay} sends it. */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> add(String topic, String key, EventEnvelope<?> envelope) {
        OutboxEvent event = new OutboxEvent();
        event.id = envelope.eventId();
        event.topic = topic;
        event.recordKey = key;
        // Work with no request behind it (start-up, schedules) still gets an id to trace it by.
        String requestId = RequestIdFilter.current();
        event.requestId = requestId != null ? requestId : UUID.randomUUID().toString();
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            event.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event could not be serialised", e));
        }
        return event.persist().replaceWithVoid();
    }
}
