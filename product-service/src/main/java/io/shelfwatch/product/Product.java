package io.shelfwatch.product;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalog product, shared by everyone who tracks it; its latest metrics come from `price.updates`. */
@Entity
@Table(name = "products")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_key", nullable = false, unique = true)
    public String productKey;

    public String asin;
    public String url;

    @Column(name = "competitor_id")
    public UUID competitorId;

    public String title;
    public String brand;
    public String category;

    @Column(name = "image_url")
    public String imageUrl;

    public String sku;
    public BigDecimal price;
    public String currency;
    public String availability;
    public Integer bsr;
    public BigDecimal rating;

    @Column(name = "reviews_count")
    public Integer reviewsCount;

    @Column(name = "buybox_price")
    public BigDecimal buyboxPrice;

    /** `active` or `removed` (doc E). */
    @Column(nullable = false)
    public String status;

    @Column(name = "observed_at")
    public OffsetDateTime observedAt;

    @Column(name = "first_seen")
    public OffsetDateTime firstSeen;

    @Column(name = "last_seen")
    public OffsetDateTime lastSeen;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
