package io.shelfwatch.etl.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A product's full state as `price.updates` carries it (`snapshot` and `previous`). */
@JsonInclude(JsonInclude.Include.ALWAYS)
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
        @JsonProperty("observed_at") Instant observedAt) {

    /** Same values, whenever observed: numbers compare by value (49.9 equals 49.90). */
    public boolean sameValuesAs(Snapshot other) {
        return other != null
                && Objects.equals(title, other.title) && Objects.equals(brand, other.brand)
                && Objects.equals(category, other.category) && Objects.equals(imageUrl, other.imageUrl)
                && sameNumber(price, other.price) && Objects.equals(currency, other.currency)
                && Objects.equals(availability, other.availability) && Objects.equals(bsr, other.bsr)
                && sameNumber(rating, other.rating) && Objects.equals(reviewsCount, other.reviewsCount)
                && sameNumber(buyboxPrice, other.buyboxPrice) && Objects.equals(sku, other.sku);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
