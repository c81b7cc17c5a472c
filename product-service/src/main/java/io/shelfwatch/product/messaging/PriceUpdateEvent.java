package io.shelfwatch.product.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A `price_update` record (contracts/schemas/price.updates/price_update.schema.json); of `previous` only the price. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceUpdateEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "price_update") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotBlank @Pattern(regexp = "(asin|url|store):.+") @JsonProperty("product_key") String productKey,
            @Pattern(regexp = "[A-Z0-9]{10}") @JsonProperty("asin") String asin,
            @JsonProperty("url") String url,
            @JsonProperty("competitor_id") UUID competitorId,
            @NotNull @Pattern(regexp = "active|removed") @JsonProperty("status") String status,
            @NotNull @Valid @JsonProperty("snapshot") Snapshot snapshot,
            @JsonProperty("previous") Previous previous) {
    }

    /** The values before this observation; null on a product's first one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Previous(
            @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(
            @JsonProperty("title") String title,
            @JsonProperty("brand") String brand,
            @JsonProperty("category") String category,
            @JsonProperty("image_url") String imageUrl,
            @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency,
            @JsonProperty("availability") String availability,
            @JsonProperty("bsr") Integer bsr,
            @JsonProperty("rating") BigDecimal rating,
            @JsonProperty("reviews_count") Integer reviewsCount,
            @JsonProperty("buybox_price") BigDecimal buyboxPrice,
            @JsonProperty("sku") String sku,
            @NotNull @JsonProperty("observed_at") Instant observedAt) {
    }
}
