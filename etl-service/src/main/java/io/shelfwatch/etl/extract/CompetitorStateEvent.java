package io.shelfwatch.etl.extract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
            @NotBlank @Size(max = 200) @JsonProperty("name") String name,
            @NotNull @Pattern(regexp = "https?://\\S+") @Size(max = 2048) @JsonProperty("url") String url,
            @NotBlank @Size(max = 50) @JsonProperty("platform") String platform,
            @NotNull @Pattern(regexp = "active|paused") @JsonProperty("status") String status,
            @NotNull @JsonProperty("deleted") Boolean deleted,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
    }
}
