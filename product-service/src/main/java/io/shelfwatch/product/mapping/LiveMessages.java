package io.shelfwatch.product.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.product.messaging.AlertRaisedEvent;
import io.shelfwatch.product.messaging.PriceUpdateEvent;

/** What /ws/updates sends: doc C's `{"event": ..., "data": {...}}` messages. */
public final class LiveMessages {

    private LiveMessages() {
    }

    public record Message<T>(String event, T data) {
    }

    /** Doc C's price_update fields first, then what a client needs to show the change without a reload. */
    public record PriceUpdate(
            @JsonProperty("product_id") UUID productId,
            @JsonProperty("new_price_cents") Long newPriceCents,
            String currency,
            String availability,
            @JsonProperty("old_price_cents") Long oldPriceCents,
            BigDecimal price,
            String title,
            String status,
            @JsonProperty("product_key") String productKey,
            String asin,
            @JsonProperty("competitor_id") UUID competitorId,
            @JsonProperty("observed_at") Instant observedAt) {
    }

    /** A market alert (doc A) or one of the user's rule alerts (doc E), with the product's id here. */
    public record Alert(
            @JsonProperty("alert_id") UUID alertId,
            String kind,
            @JsonProperty("product_id") UUID productId,
            @JsonProperty("product_key") String productKey,
            String asin,
            @JsonProperty("competitor_id") UUID competitorId,
            @JsonProperty("rule_id") UUID ruleId,
            @JsonProperty("alert_type") String alertType,
            String severity,
            String message,
            @JsonProperty("old_value") BigDecimal oldValue,
            @JsonProperty("new_value") BigDecimal newValue,
            @JsonProperty("change_percent") BigDecimal changePercent,
            @JsonProperty("raised_at") Instant raisedAt) {
    }

    public static Message<PriceUpdate> priceUpdate(UUID productId, PriceUpdateEvent.Data data) {
        PriceUpdateEvent.Snapshot snapshot = data.snapshot();
        BigDecimal oldPrice = data.previous() == null ? null : data.previous().price();
        return new Message<>("price_update", new PriceUpdate(productId, centsOrNull(snapshot.price()),
                snapshot.currency(), snapshot.availability(), centsOrNull(oldPrice), snapshot.price(), snapshot.title(),
                data.status(), data.productKey(), data.asin(), data.competitorId(), snapshot.observedAt()));
    }

    public static Message<Alert> alert(UUID productId, AlertRaisedEvent.Data data) {
        return new Message<>("alert", new Alert(data.alertId(), data.kind(), productId, data.productKey(), data.asin(),
                data.competitorId(), data.ruleId(), data.alertType(), data.severity(), data.message(), data.oldValue(),
                data.newValue(), data.changePercent(), data.raisedAt()));
    }

    private static Long centsOrNull(BigDecimal price) {
        return price == null ? null : ProductViews.cents(price);
    }
}
