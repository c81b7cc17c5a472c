package io.shelfwatch.etl.extract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A `product_state` record (contracts/schemas/products/product_state.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductStateEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "product_state") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("product_id") UUID productId,
            @NotNull @Pattern(regexp = "(asin:([A-Z0-9]{9,20}:)?[A-Z0-9]{10}|url:https?://\\S+|store:[0-9a-f-]{36}:\\S+)")
            @Size(max = 2200) @JsonProperty("product_key") String productKey,
            @Pattern(regexp = "https?://\\S+") @Size(max = 2048) @JsonProperty("url") String url,
            @Pattern(regexp = "[A-Z0-9]{10}") @JsonProperty("asin") String asin,
            @JsonProperty("competitor_id") UUID competitorId,
            @NotNull @JsonProperty("trackers") List<@NotNull UUID> trackers,
            @NotNull @JsonProperty("deleted") Boolean deleted) {
    }
}
