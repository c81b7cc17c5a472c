package io.shelfwatch.etl.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A consumed `raw_product_event` record (contracts/schemas/product.raw-events/raw_product_event.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RawEventRecord(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = RawEventRecord.TYPE_PATTERN) @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @Pattern(regexp = PRODUCT_KEY_PATTERN) @Size(max = PRODUCT_KEY_MAX) @JsonProperty("product_key")
            String productKey,
            @Pattern(regexp = ASIN_PATTERN) @JsonProperty("asin") String asin,
            @Pattern(regexp = URL_PATTERN) @Size(max = URL_MAX) @JsonProperty("url") String url,
            @JsonProperty("competitor_id") UUID competitorId,
            @NotBlank @Size(max = SOURCE_MAX) @JsonProperty("source") String source,
            @NotNull @Pattern(regexp = EVENT_TYPE_PATTERN) @JsonProperty("event_type") String eventType,
            @NotNull @JsonProperty("raw_data") Map<String, Object> rawData,
            @Size(max = JOB_ID_MAX) @JsonProperty("job_id") String jobId) {

        // The constraints, named once: the annotations above and RawEventParser's hand checks both use them.
        static final String PRODUCT_KEY_PATTERN =
                "(asin:([A-Z0-9]{9,20}:)?[A-Z0-9]{10}|url:https?://\\S+|store:[0-9a-f-]{36}:\\S+)";
        static final int PRODUCT_KEY_MAX = 2200;
        static final String ASIN_PATTERN = "[A-Z0-9]{10}";
        static final String URL_PATTERN = "https?://\\S+";
        static final int URL_MAX = 2048;
        static final int SOURCE_MAX = 100;
        static final String EVENT_TYPE_PATTERN = "product_snapshot|product_removed";
        static final int JOB_ID_MAX = 100;
    }

    static final String TYPE_PATTERN = "raw_product_event";
}
