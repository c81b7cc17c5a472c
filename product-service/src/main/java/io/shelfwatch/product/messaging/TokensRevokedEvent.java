package io.shelfwatch.product.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A `tokens_revoked` record (contracts/schemas/account.revocations/tokens_revoked.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokensRevokedEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = TYPE) @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    public static final String TYPE = "tokens_revoked";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("user_id") UUID userId,
            @NotNull @JsonProperty("revoked_at") Instant revokedAt,
            @JsonProperty("reason") String reason) {
    }
}
