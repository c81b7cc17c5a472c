package io.shelfwatch.etl.ingest;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The `data` of a `raw_product_event` record (contracts/schemas/product.raw-events/). */
public record RawProductEvent(
        @JsonProperty("product_key") String productKey,
        @JsonProperty("asin") String asin,
        @JsonProperty("url") String url,
        @JsonProperty("competitor_id") UUID competitorId,
        @JsonProperty("source") String source,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("raw_data") Map<String, Object> rawData,
        @JsonProperty("job_id") String jobId) {

    public static final String TYPE = "raw_product_event";
}
