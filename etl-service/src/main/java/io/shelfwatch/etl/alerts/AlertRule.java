package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A doc E alert rule: one user's condition on one product they track or one competitor store they own. */
@Entity
@Table(name = "alert_rules")
public class AlertRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "alert_type", nullable = false)
    public String alertType;

    /** Percent of the reference price; null for the stock and new-product types. */
    public BigDecimal threshold;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "competitor_id")
    public UUID competitorId;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "last_triggered")
    public OffsetDateTime lastTriggered;

    @Column(name = "trigger_count", nullable = false)
    public int triggerCount;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
