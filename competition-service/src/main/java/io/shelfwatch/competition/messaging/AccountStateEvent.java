package io.shelfwatch.competition.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An `account_state` record (contracts/schemas/account.events/account_state.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountStateEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "account_state") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("user_id") UUID userId,
            @NotBlank @JsonProperty("email") String email,
            @NotNull @JsonProperty("created_at") Instant createdAt,
            @NotNull @JsonProperty("is_active") Boolean isActive,
            @NotNull @JsonProperty("deleted") Boolean deleted,
            @NotEmpty @JsonProperty("roles") List<String> roles,
            @NotNull @Pattern(regexp = "free|pro|enterprise") @JsonProperty("plan") String plan,
            @NotNull @JsonProperty("max_competitors") Integer maxCompetitors,
            @NotNull @JsonProperty("max_products") Integer maxProducts,
            @NotNull @Pattern(regexp = "weekly|daily|hourly") @JsonProperty("scan_frequency") String scanFrequency,
            @NotNull @JsonProperty("alerts_enabled") Boolean alertsEnabled) {
    }
}
