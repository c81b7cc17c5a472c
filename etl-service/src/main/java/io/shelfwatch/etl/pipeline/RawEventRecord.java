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
        @NotNull @Pattern(regexp = "raw_product_event") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @Pattern(regexp = "(asin:([A-Z0-9]{9,20}:)?[A-Z0-9]{10}|url:https?://\\S+|store:[0-9a-f-]{36}:\\S+)")
            @Size(max = 2200) @JsonProperty("product_key") String productKey,
            @Pattern(regexp = "[A-Z0-9]{10}") @JsonProperty("asin") String asin,
            @Pattern(regexp = "https?://\\S+") @Size(max = 2048) @JsonProperty("url") String url,
            @JsonProperty("competitor_id") UUID competitorId,
            @NotBlank @Size(max = 100) @JsonProperty("source") String source,
            @NotNull @Pattern(regexp = "product_snapshot|product_removed") @JsonProperty("event_type") String eventType,
            @NotNull @JsonProperty("raw_data") Map<String, Object> rawData,
            @Size(max = 100) @JsonProperty("job_id") String jobId) {
    }
}
