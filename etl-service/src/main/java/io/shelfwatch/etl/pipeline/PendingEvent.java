package io.shelfwatch.etl.pipeline;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One raw event on its way into a batch: from a consumed record, or stored and not yet processed.
 * `invalidReason` is set when its raw data can never be applied (it is then kept as `failed`).
 */
public record PendingEvent(
        UUID eventId,
        String productKey,
        String asin,
        String url,
        UUID competitorId,
        String source,
        String eventType,
        Map<String, Object> rawData,
        String rawJson,
        String jobId,
        OffsetDateTime occurredAt,
        OffsetDateTime receivedAt,
        String requestId,
        String invalidReason) {

    public boolean valid() {
        return invalidReason == null;
    }
}
