package io.shelfwatch.product;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One observed price of a product (doc C's price history point, doc E's `date` / `price`). */
@Entity
@Table(name = "price_points")
public class PricePoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(nullable = false)
    public BigDecimal price;

    public String currency;
    public String availability;

    @Column(name = "observed_at", nullable = false)
    public OffsetDateTime observedAt;
}
