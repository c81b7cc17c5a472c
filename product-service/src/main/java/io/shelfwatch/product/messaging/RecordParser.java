package io.shelfwatch.product.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shelfwatch.product.rest.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Turns a consumed record into a validated event and restores its request id for the logs.
 * A record that fails here can never be processed: the channel sends it to its `.dlq`.
 */
@ApplicationScoped
public class RecordParser {

    private final ObjectMapper json;
    private final Validator validator;

    public RecordParser(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T parse(ConsumerRecord<String, String> record, Class<T> type) {
        Header requestId = record.headers().lastHeader(RequestIdFilter.KAFKA_HEADER);
        if (requestId != null) {
            MDC.put(RequestIdFilter.MDC_KEY, new String(requestId.value(), StandardCharsets.UTF_8));
        }
        T event;
        try {
            event = json.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new InvalidRecordException("invalid " + type.getSimpleName() + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return event;
    }

    /** The record's envelope `type`, for topics that carry more than one kind of event. */
    public String typeOf(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value()).path("type").asText(null);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not JSON: " + e.getOriginalMessage());
        }
    }

    /** A record no retry can fix. */
    public static class InvalidRecordException extends RuntimeException {
        public InvalidRecordException(String message) {
            super(message);
        }
    }
}
