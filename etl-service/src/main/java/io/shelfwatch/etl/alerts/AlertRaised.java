package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The `data` of an `alert_raised` record (contracts/schemas/alerts/alert_raised.schema.json). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertRaised(
        @JsonProperty("alert_id") UUID alertId,
        @JsonProperty("kind") String kind,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("rule_id") UUID ruleId,
        @JsonProperty("product_key") String productKey,
        @JsonProperty("asin") String asin,
        @JsonProperty("competitor_id") UUID competitorId,
        @JsonProperty("alert_type") String alertType,
        @JsonProperty("severity") String severity,
        @JsonProperty("message") String message,
        @JsonProperty("old_value") BigDecimal oldValue,
        @JsonProperty("new_value") BigDecimal newValue,
        @JsonProperty("change_percent") BigDecimal changePercent,
        @JsonProperty("raised_at") Instant raisedAt) {

    public static final String TYPE = "alert_raised";
    public static final String TOPIC = "alerts";
}
