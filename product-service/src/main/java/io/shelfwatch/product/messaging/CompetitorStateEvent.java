package io.shelfwatch.product.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A `competitor_state` record (contracts/schemas/competitors/competitor_state.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompetitorStateEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "competitor_state") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("competitor_id") UUID competitorId,
            @NotNull @JsonProperty("user_id") UUID userId,
            @NotBlank @JsonProperty("name") String name,
            @NotNull @JsonProperty("deleted") Boolean deleted) {
    }
}
