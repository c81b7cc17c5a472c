package io.shelfwatch.auth.mapping;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.auth.ApiKey;
import io.shelfwatch.auth.messaging.EventEnvelope;

/** Records of `account.revocations` (contracts/schemas/account.revocations/), read by the gateway. */
public final class RevocationMapper {

    public static final String TOPIC = "account.revocations";

    private RevocationMapper() {
    }

    public record ApiKeyRevoked(
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("key_id") UUID keyId,
            @JsonProperty("key_prefix") String keyPrefix,
            @JsonProperty("revoked_at") String revokedAt) {
    }

    public record TokensRevoked(
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("revoked_at") String revokedAt,
            @JsonProperty("reason") String reason) {
    }

    public static EventEnvelope<ApiKeyRevoked> apiKeyRevoked(ApiKey key, OffsetDateTime at) {
        return EventEnvelope.of("api_key_revoked", new ApiKeyRevoked(key.userId, key.id, key.keyPrefix, utc(at)));
    }

    public static EventEnvelope<TokensRevoked> tokensRevoked(UUID userId, OffsetDateTime at, String reason) {
        return EventEnvelope.of("tokens_revoked", new TokensRevoked(userId, utc(at), reason));
    }

    private static String utc(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }
}
