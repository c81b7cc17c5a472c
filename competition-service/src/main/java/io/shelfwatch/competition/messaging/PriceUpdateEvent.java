package io.shelfwatch.competition.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The parts of a `price_update` record the gaps need (contracts/schemas/price.updates/price_update.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceUpdateEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "price_update") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotBlank @JsonProperty("product_key") String productKey,
            @Pattern(regexp = "[A-Z0-9]{10}") @JsonProperty("asin") String asin,
            @NotNull @Pattern(regexp = "active|removed") @JsonProperty("status") String status,
            @NotNull @Valid @JsonProperty("snapshot") Snapshot snapshot) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(
            @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency,
            @JsonProperty("bsr") Integer bsr,
            @JsonProperty("rating") BigDecimal rating,
            @JsonProperty("reviews_count") Integer reviewsCount,
            @JsonProperty("buybox_price") BigDecimal buyboxPrice,
            @NotNull @JsonProperty("observed_at") Instant observedAt) {
    }
}
