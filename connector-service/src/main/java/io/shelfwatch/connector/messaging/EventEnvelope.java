package io.shelfwatch.connector.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Every record value on every topic: see contracts/schemas/envelope.schema.json. */
public record EventEnvelope<T>(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("type") String type,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("data") T data) {

    public static <T> EventEnvelope<T> of(String type, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), type, Instant.now().truncatedTo(ChronoUnit.MILLIS), data);
    }
}
