package io.shelfwatch.auth.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A `usage_count` record (contracts/schemas/usage/usage_count.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "usage_count") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("user_id") UUID userId,
            @NotNull @Pattern(regexp = "products_tracked|competitors") @JsonProperty("metric") String metric,
            @NotNull @Min(0) @JsonProperty("count") Integer count,
            @NotNull @JsonProperty("limit") Integer limit,
            @NotNull @JsonProperty("limit_reached") Boolean limitReached) {
    }
}
