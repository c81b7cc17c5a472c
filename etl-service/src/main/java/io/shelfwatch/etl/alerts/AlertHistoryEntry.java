package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One firing of an alert rule; its id is the `alert_id` published on `alerts`. */
@Entity
@Table(name = "alert_rule_history")
public class AlertHistoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rule_id", nullable = false)
    public UUID ruleId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "alert_type", nullable = false)
    public String alertType;

    @Column(name = "product_key", nullable = false)
    public String productKey;

    @Column(name = "product_id")
    public UUID productId;

    public String asin;

    @Column(name = "competitor_id")
    public UUID competitorId;

    @Column(nullable = false)
    public String message;

    @Column(name = "old_value")
    public BigDecimal oldValue;

    @Column(name = "new_value")
    public BigDecimal newValue;

    @Column(name = "change_percent")
    public BigDecimal changePercent;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "triggered_at", nullable = false)
    public OffsetDateTime triggeredAt;
}
