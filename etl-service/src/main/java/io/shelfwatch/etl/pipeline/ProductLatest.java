package io.shelfwatch.etl.pipeline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest known state of one product: what the next observation is compared with. */
@Entity
@Table(name = "product_latest")
public class ProductLatest extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String REMOVED = "removed";

    @Id
    @Column(name = "product_key")
    public String productKey;

    public String asin;

    public String url;

    @Column(name = "competitor_id")
    public UUID competitorId;

    @Column(nullable = false)
    public String status;

    public String title;
    public String brand;
    public String category;

    @Column(name = "image_url")
    public String imageUrl;

    public BigDecimal price;
    public String currency;
    public String availability;
    public Integer bsr;
    public BigDecimal rating;

    @Column(name = "reviews_count")
    public Integer reviewsCount;

    @Column(name = "buybox_price")
    public BigDecimal buyboxPrice;

    public String sku;

    @Column(name = "observed_at", nullable = false)
    public OffsetDateTime observedAt;

    /** When a value last changed (an identical observation only moves observed_at). */
    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    public Snapshot snapshot() {
        return new Snapshot(title, brand, category, imageUrl, price, currency, availability, bsr, rating,
                reviewsCount, buyboxPrice, sku, observedAt.toInstant());
    }

    public void take(Snapshot s) {
        title = s.title();
        brand = s.brand();
        category = s.category();
        imageUrl = s.imageUrl();
        price = s.price();
        currency = s.currency();
        availability = s.availability();
        bsr = s.bsr();
        rating = s.rating();
        reviewsCount = s.reviewsCount();
        buyboxPrice = s.buyboxPrice();
        sku = s.sku();
        observedAt = s.observedAt().atOffset(ZoneOffset.UTC);
    }
}
