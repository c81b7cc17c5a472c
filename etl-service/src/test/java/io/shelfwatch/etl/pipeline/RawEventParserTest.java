package io.shelfwatch.etl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.etl.messaging.RecordParser;
import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import jakarta.inject.Inject;

/**
 * The hot path's hand-written reading of a raw event agrees with data binding and Bean Validation of
 * {@link RawEventRecord} (what {@link RecordParser} does): same record, same reasons on the DLQ.
 */
@QuarkusTest
class RawEventParserTest {

    @Inject
    ObjectMapper json;

    @Inject
    RawEventParser parser;

    @Inject
    RecordParser validating;

    private static String record(String eventId, String occurredAt, String data) {
        return "{\"event_id\":" + eventId + ",\"type\":\"raw_product_event\",\"occurred_at\":" + occurredAt
                + ",\"unknown\":{\"a\":[1,2]},\"data\":" + data + "}";
    }

    @Test
    void readsEveryFieldAndKeepsRawDataAsItsOwnText() throws Exception {
        UUID id = UUID.randomUUID();
        String raw = "{ \"title\": \"Kettle \\u00e9\", \"price\": 19.90, \"extra\": {\"k\": [1, null]} }";
        String value = record("\"" + id + "\"", "\"2026-04-01T08:00:00Z\"", "{\"product_key\":\"asin:B000000001\","
                + "\"asin\":\"B000000001\",\"source\":\"scraper\",\"event_type\":\"product_snapshot\",\"raw_data\":" + raw
                + ",\"job_id\":null,\"more\":1}");
        RawEventParser.Parsed parsed = parser.parse(value);
        assertEquals(raw, parsed.rawJson());
        RawEventRecord expected = json.readValue(value, RawEventRecord.class);
        assertEquals(expected, parsed.record());
        assertEquals(id, parsed.record().eventId());
        assertEquals(Instant.parse("2026-04-01T08:00:00Z"), parsed.record().occurredAt());
        assertNull(parsed.record().data().jobId());
        assertEquals(json.readTree(raw), json.readTree(parsed.rawJson()));
    }

    @Test
    void otherTimeFormatsGoThroughJackson() {
        String value = record("\"" + UUID.randomUUID() + "\"", "1775030400", "{\"product_key\":\"asin:B000000001\","
                + "\"source\":\"s\",\"event_type\":\"product_snapshot\",\"raw_data\":{}}");
        assertEquals(Instant.ofEpochSecond(1775030400L), parser.parse(value).record().occurredAt());
    }

    @Test
    void violationsAreReportedAsBeanValidationReportedThem() {
        String value = record("null", "\"2026-04-01T08:00:00Z\"", "{\"product_key\":\"sku:1\",\"asin\":\"b1\","
                + "\"source\":\" \",\"event_type\":\"product_snapshot\",\"raw_data\":null}");
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> parser.parse(value));
        InvalidRecordException expected = assertThrows(InvalidRecordException.class,
                () -> validating.parse(new ConsumerRecord<>("t", 0, 0, "k", value), RawEventRecord.class));
        assertEquals(expected.getMessage(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid RawEventRecord: data.asin must match \"[A-Z0-9]{10}\", "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("data.raw_data must not be null, data.source must not be blank, "
                + "event_id must not be null"), e.getMessage());
    }

    @Test
    void malformedRecordsAreNotValid() {
        for (String value : new String[] { "not json", "[1]", record("\"nope\"", "\"2026-04-01T08:00:00Z\"", "{}"),
                record("\"" + UUID.randomUUID() + "\"", "\"yesterday\"", "{}"),
                record("\"" + UUID.randomUUID() + "\"", "\"2026-04-01T08:00:00Z\"", "{\"raw_data\":[1]}") }) {
            InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> parser.parse(value), value);
            assertTrue(e.getMessage().startsWith("not a valid RawEventRecord: "), e.getMessage());
        }
    }
}
