package io.shelfwatch.product.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An `alert_raised` record (contracts/schemas/alerts/alert_raised.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertRaisedEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "alert_raised") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("alert_id") UUID alertId,
            @NotNull @Pattern(regexp = "market|rule") @JsonProperty("kind") String kind,
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("rule_id") UUID ruleId,
            @NotBlank @Pattern(regexp = "(asin|url|store):.+") @JsonProperty("product_key") String productKey,
            @JsonProperty("asin") String asin,
            @JsonProperty("competitor_id") UUID competitorId,
            @NotBlank @JsonProperty("alert_type") String alertType,
            @JsonProperty("severity") String severity,
            @NotBlank @JsonProperty("message") String message,
            @JsonProperty("old_value") BigDecimal oldValue,
            @JsonProperty("new_value") BigDecimal newValue,
            @JsonProperty("change_percent") BigDecimal changePercent,
            @NotNull @JsonProperty("raised_at") Instant raisedAt) {

        /** A rule alert belongs to its rule's owner; a market alert to no one in particular. */
        @AssertTrue(message = "a rule alert names its user_id, a market alert has none")
        @JsonIgnore
        public boolean isOwnerConsistent() {
            return "rule".equals(kind) ? userId != null : userId == null;
        }

        @JsonIgnore
        public boolean isRule() {
            return "rule".equals(kind);
        }
    }
}
