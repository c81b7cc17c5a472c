package io.shelfwatch.etl.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.hibernate.id.uuid.UuidVersion7Strategy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Every record value on every topic: see contracts/schemas/envelope.schema.json. */
public record EventEnvelope<T>(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("type") String type,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("data") T data) {

    /**
     * A new event with a time-ordered (version 7) id: raw events are kept by id for good (raw_events'
     * primary key), and ids in arrival order append to that index instead of landing on random pages
     * of an index that outgrows the cache (each such page also written again to the WAL after a checkpoint).
     */
    public static <T> EventEnvelope<T> of(String type, T data) {
        return new EventEnvelope<>(UuidVersion7Strategy.INSTANCE.generateUuid(null), type,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), data);
    }
}
