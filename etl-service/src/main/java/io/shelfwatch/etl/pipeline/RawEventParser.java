package io.shelfwatch.etl.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a consumed `raw_product_event` record in one pass of Jackson's streaming parser, for the
 * pipeline's hot path. {@link io.shelfwatch.etl.messaging.RecordParser} (data binding, then Bean
 * Validation) cost ~50 µs a record, more than the database's share of applying it; here the
 * constraints of {@link RawEventRecord} are checked by hand, with the messages and JSON property paths
 * Bean Validation gave them (the DLQ's `dead-letter-reason` keeps its shape; RawEventParserTest compares), and `raw_data` is kept as the record's own
 * JSON text for `raw_events.raw_data` instead of being serialised again.
 */
@ApplicationScoped
public class RawEventParser {

    /** A valid record, with its `raw_data` as the JSON text it arrived in. */
    public record Parsed(RawEventRecord record, String rawJson) {
    }

    private static final String TYPE = "RawEventRecord";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    // RawEventRecord's @Pattern constraints, compiled once.
    private static final Pattern EVENT_TYPE = Pattern.compile(RawEventRecord.TYPE_PATTERN);
    private static final Pattern PRODUCT_KEY = Pattern.compile(RawEventRecord.Data.PRODUCT_KEY_PATTERN);
    private static final Pattern ASIN = Pattern.compile(RawEventRecord.Data.ASIN_PATTERN);
    private static final Pattern URL = Pattern.compile(RawEventRecord.Data.URL_PATTERN);
    private static final Pattern KIND = Pattern.compile(RawEventRecord.Data.EVENT_TYPE_PATTERN);

    private final ObjectMapper json;
    // Readers resolved once: ObjectMapper.readValue resolved the type on every call.
    private final ObjectReader objects;
    private final ObjectReader uuids;
    private final ObjectReader instants;

    public RawEventParser(ObjectMapper json) {
        this.json = json;
        this.objects = json.readerFor(JSON_OBJECT);
        this.uuids = json.readerFor(UUID.class);
        this.instants = json.readerFor(Instant.class);
    }

    /**
     * The canonical text through the JDK's parser, anything else through Jackson's deserializer (the forms data
     * binding accepted, e.g. epoch numbers): Jackson's InstantDeserializer was half of a record's parsing.
     */
    private Instant instant(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return Instant.parse(p.getText());
            } catch (DateTimeParseException e) {
                // Jackson's turn, with its own error if it cannot read it either.
            }
        }
        return instants.readValue(p);
    }

    private UUID uuid(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() == JsonToken.VALUE_STRING && p.getTextLength() == 36) {
            try {
                return UUID.fromString(p.getText());
            } catch (IllegalArgumentException e) {
                // Jackson's turn, with its own error.
            }
        }
        return uuids.readValue(p);
    }

    /** The record, or InvalidRecordException with the reason it can never be processed. */
    public Parsed parse(String value) {
        UUID eventId = null;
        String type = null;
        Instant occurredAt = null;
        Data data = null;
        try (JsonParser p = json.getFactory().createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("not a valid " + TYPE + ": the record is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "event_id" -> eventId = uuid(p);
                    case "type" -> type = text(p, "type");
                    case "occurred_at" -> occurredAt = instant(p);
                    case "data" -> data = p.currentToken() == JsonToken.VALUE_NULL ? null : data(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw invalid("not a valid " + TYPE + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("not a valid " + TYPE + ": " + e.getMessage());
        }
        List<String> violations = new ArrayList<>(0);
        notNull(violations, "event_id", eventId);
        matches(violations, "type", type, true, EVENT_TYPE);
        notNull(violations, "occurred_at", occurredAt);
        notNull(violations, "data", data);
        if (data != null) {
            data.check(violations);
        }
        if (!violations.isEmpty()) {
            Collections.sort(violations);
            throw invalid("invalid " + TYPE + ": " + String.join(", ", violations));
        }
        return new Parsed(new RawEventRecord(eventId, type, occurredAt, data.record()), data.rawJson);
    }

    /** The `data` object's fields as read, checked once the whole record is read. */
    private static final class Data {
        String productKey, asin, url, source, eventType, jobId, rawJson;
        UUID competitorId;
        Map<String, Object> rawData;

        void check(List<String> violations) {
            matches(violations, "data.product_key", productKey, true, PRODUCT_KEY);
            atMost(violations, "data.product_key", productKey, RawEventRecord.Data.PRODUCT_KEY_MAX);
            matches(violations, "data.asin", asin, false, ASIN);
            matches(violations, "data.url", url, false, URL);
            atMost(violations, "data.url", url, RawEventRecord.Data.URL_MAX);
            if (source == null || source.isBlank()) {
                violations.add("data.source must not be blank");
            }
            atMost(violations, "data.source", source, RawEventRecord.Data.SOURCE_MAX);
            matches(violations, "data.event_type", eventType, true, KIND);
            notNull(violations, "data.raw_data", rawData);
            atMost(violations, "data.job_id", jobId, RawEventRecord.Data.JOB_ID_MAX);
        }

        RawEventRecord.Data record() {
            return new RawEventRecord.Data(productKey, asin, url, competitorId, source, eventType, rawData, jobId);
        }
    }

    private Data data(JsonParser p, String value) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw invalid("not a valid " + TYPE + ": data is not a JSON object");
        }
        Data d = new Data();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "product_key" -> d.productKey = text(p, "data.product_key");
                case "asin" -> d.asin = text(p, "data.asin");
                case "url" -> d.url = text(p, "data.url");
                case "competitor_id" -> d.competitorId = uuid(p);
                case "source" -> d.source = text(p, "data.source");
                case "event_type" -> d.eventType = text(p, "data.event_type");
                case "job_id" -> d.jobId = text(p, "data.job_id");
                case "raw_data" -> rawData(p, value, d);
                default -> p.skipChildren();
            }
        }
        return d;
    }

    private void rawData(JsonParser p, String value, Data d) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            d.rawData = null;
            d.rawJson = null;
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw invalid("not a valid " + TYPE + ": data.raw_data is not a JSON object");
        }
        long start = p.currentTokenLocation().getCharOffset();
        d.rawData = objects.readValue(p);
        long end = p.currentLocation().getCharOffset();
        // The object's own text: the parser reads a String, so offsets are character offsets into it.
        if (start >= 0 && end > start && end <= value.length() && value.charAt((int) start) == '{'
                && value.charAt((int) end - 1) == '}') {
            d.rawJson = value.substring((int) start, (int) end);
        } else {
            d.rawJson = json.writeValueAsString(d.rawData);
        }
    }

    /** A text field; other scalars are taken as their text, as data binding took them. */
    private static String text(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return p.getText();
        }
        throw invalid("not a valid " + TYPE + ": " + field + " is not a text");
    }

    private static void notNull(List<String> violations, String path, Object value) {
        if (value == null) {
            violations.add(path + " must not be null");
        }
    }

    /** Bean Validation quotes the regular expression in its message: so does this. */
    private static void matches(List<String> violations, String path, String value, boolean required, Pattern pattern) {
        if (value == null) {
            if (required) {
                violations.add(path + " must not be null");
            }
        } else if (!pattern.matcher(value).matches()) {
            violations.add(path + " must match \"" + pattern.pattern() + "\"");
        }
    }

    private static void atMost(List<String> violations, String path, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(path + " size must be between 0 and " + max);
        }
    }

    private static InvalidRecordException invalid(String message) {
        return new InvalidRecordException(message);
    }
}
