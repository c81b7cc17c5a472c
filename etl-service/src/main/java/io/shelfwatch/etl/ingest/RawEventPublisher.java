package io.shelfwatch.etl.ingest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.rest.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts an observation on `product.raw-events`, keyed by product so one product's events stay
 * in order; completes only once the broker has acknowledged it.
 */
@ApplicationScoped
public class RawEventPublisher {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    public RawEventPublisher(@Channel("raw-events") MutinyEmitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    public Uni<EventEnvelope<RawProductEvent>> publish(RawProductEvent event) {
        EventEnvelope<RawProductEvent> envelope = EventEnvelope.of(RawProductEvent.TYPE, event);
        String value;
        try {
            value = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event could not be serialised", e));
        }
        String requestId = RequestIdFilter.current();
        RecordHeaders headers = new RecordHeaders();
        headers.add(RequestIdFilter.KAFKA_HEADER,
                (requestId != null ? requestId : UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.productKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata)).replaceWith(envelope);
    }
}
