package io.shelfwatch.etl.messaging;

import java.lang.annotation.ElementType;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shelfwatch.etl.rest.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Turns a consumed record into a validated event and restores its request id for the logs.
 * A record that fails here can never be processed: the channel sends it to its `.dlq`.
 */
@ApplicationScoped
public class RecordParser {

    private final ObjectMapper json;
    private final Validator validator;

    public RecordParser(ObjectMapper json, ValidatorFactory validators) {
        this.json = json;
        // Records are plain values, never JPA entities: the default resolver asks Hibernate whether each
        // cascaded property is loaded, which costs an exception per record and dominated a batch's parsing.
        this.validator = validators.usingContext().traversableResolver(new EveryPropertyReachable()).getValidator();
    }

    private static final class EveryPropertyReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
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

    /** A record no retry can fix. */
    public static class InvalidRecordException extends RuntimeException {
        public InvalidRecordException(String message) {
            super(message);
        }
    }
}
