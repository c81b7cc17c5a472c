package io.shelfwatch.etl.alerts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The part of a `competitor_state` record (contracts/schemas/competitors/competitor_state.schema.json)
 * alert rules need: which store, and whether it is gone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompetitorStateRecord(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "competitor_state") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("competitor_id") UUID competitorId,
            @NotNull @JsonProperty("user_id") UUID userId,
            @NotNull @JsonProperty("deleted") Boolean deleted) {
    }
}
