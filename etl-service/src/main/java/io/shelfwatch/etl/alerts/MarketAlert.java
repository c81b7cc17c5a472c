package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A doc A market alert: one product's price or rank moved past its threshold. */
@Entity
@Table(name = "market_alerts")
public class MarketAlert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_key", nullable = false)
    public String productKey;

    public String asin;

    @Column(name = "alert_type", nullable = false)
    public String alertType;

    @Column(nullable = false)
    public String severity;

    @Column(name = "current_value")
    public BigDecimal currentValue;

    @Column(name = "previous_value")
    public BigDecimal previousValue;

    @Column(name = "change_percent")
    public BigDecimal changePercent;

    @Column(nullable = false)
    public String message;

    @Column(name = "is_resolved", nullable = false)
    public boolean resolved;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
