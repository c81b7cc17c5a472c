package io.shelfwatch.etl.alerts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Where a price rule stands for one product (see {@link PriceCrossing}). */
@Entity
@Table(name = "alert_rule_state")
@IdClass(AlertRuleState.Key.class)
public class AlertRuleState extends PanacheEntityBase {

    @Id
    @Column(name = "rule_id")
    public UUID ruleId;

    @Id
    @Column(name = "product_key")
    public String productKey;

    @Column(name = "reference_price", nullable = false)
    public BigDecimal referencePrice;

    @Column(name = "reference_currency")
    public String referenceCurrency;

    @Column(nullable = false)
    public boolean triggered;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static class Key implements Serializable {
        public UUID ruleId;
        public String productKey;

        public Key() {
        }

        public Key(UUID ruleId, String productKey) {
            this.ruleId = ruleId;
            this.productKey = productKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ruleId, k.ruleId) && Objects.equals(productKey, k.productKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, productKey);
        }
    }
}
