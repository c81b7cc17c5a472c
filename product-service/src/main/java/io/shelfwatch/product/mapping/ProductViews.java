package io.shelfwatch.product.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.product.PricePoint;
import io.shelfwatch.product.Product;

/** The shapes the documents show for a product, built from the catalog row. */
public final class ProductViews {

    private ProductViews() {
    }

    /** Doc A's ProductWithMetrics. */
    public record AsinProduct(
            String asin,
            String title,
            String brand,
            String category,
            @JsonProperty("image_url") String imageUrl,
            @JsonProperty("latest_price") BigDecimal latestPrice,
            @JsonProperty("latest_bsr") Integer latestBsr,
            @JsonProperty("latest_rating") BigDecimal latestRating,
            @JsonProperty("latest_reviews_count") Integer latestReviewsCount,
            @JsonProperty("latest_buybox_price") BigDecimal latestBuyboxPrice,
            @JsonProperty("last_updated") Instant lastUpdated) {
    }

    /** A price history point with doc C's fields and doc E's `date` / `price`. */
    public record HistoryPoint(
            String id,
            @JsonProperty("product_id") String productId,
            @JsonProperty("price_cents") long priceCents,
            String currency,
            String availability,
            @JsonProperty("scraped_at") Instant scrapedAt,
            Instant date,
            BigDecimal price) {
    }

    /** A tracked product as docs C and E show it (doc C's fields, doc E's store fields). */
    public record TrackedProduct(
            String id,
            @JsonProperty("product_key") String productKey,
            String asin,
            String url,
            String title,
            String brand,
            String category,
            @JsonProperty("image_url") String imageUrl,
            String sku,
            BigDecimal price,
            @JsonProperty("price_cents") Long priceCents,
            String currency,
            String availability,
            Integer bsr,
            BigDecimal rating,
            @JsonProperty("reviews_count") Integer reviewsCount,
            @JsonProperty("competitor_id") String competitorId,
            @JsonProperty("competitor_name") String competitorName,
            String status,
            @JsonProperty("first_seen") Instant firstSeen,
            @JsonProperty("last_seen") Instant lastSeen,
            @JsonProperty("price_history") List<HistoryPoint> priceHistory,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    public static AsinProduct asinProduct(Product p) {
        return new AsinProduct(p.asin, p.title, p.brand, p.category, p.imageUrl, p.price, p.bsr, p.rating,
                p.reviewsCount, p.buyboxPrice, instant(p.observedAt));
    }

    public static HistoryPoint point(PricePoint point) {
        Instant at = instant(point.observedAt);
        return new HistoryPoint(point.id.toString(), point.productId.toString(), cents(point.price), point.currency,
                point.availability, at, at, point.price);
    }

    public static TrackedProduct tracked(Product p, String competitorName, List<PricePoint> history) {
        return new TrackedProduct(p.id.toString(), p.productKey, p.asin, p.url, p.title, p.brand, p.category,
                p.imageUrl, p.sku, p.price, p.price == null ? null : cents(p.price), p.currency, p.availability, p.bsr,
                p.rating, p.reviewsCount, p.competitorId == null ? null : p.competitorId.toString(), competitorName,
                p.status, instant(p.firstSeen), instant(p.lastSeen), history.stream().map(ProductViews::point).toList(),
                instant(p.createdAt), instant(p.updatedAt));
    }

    /** Doc C's price_cents: the decimal price × 100. */
    public static long cents(BigDecimal price) {
        return price.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
