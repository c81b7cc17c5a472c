package io.shelfwatch.auth.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.ApiKey;

/** Response bodies about accounts and API keys, with the documents' field names. */
public final class AccountViews {

    private AccountViews() {
    }

    public record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType) {
    }

    /** A user without credentials (doc C's register answer, doc E's `me`, the admin list). */
    public record UserView(
            String id,
            String email,
            String plan,
            @JsonProperty("is_active") boolean isActive,
            @JsonProperty("is_admin") boolean isAdmin,
            @JsonProperty("created_at") String createdAt) {

        public static UserView of(Account account) {
            return new UserView(account.id.toString(), account.email, account.plan, account.active, account.admin,
                    utc(account.createdAt));
        }
    }

    /** An API key as listed: the prefix only, never the key. `key` is set in the creation answer alone. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record ApiKeyView(
            String id,
            String key,
            @JsonProperty("key_prefix") String keyPrefix,
            @JsonInclude(JsonInclude.Include.ALWAYS) String name,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> scopes,
            @JsonProperty("is_active") boolean isActive,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("created_at") String createdAt) {

        public static ApiKeyView listed(ApiKey key) {
            return of(key, null);
        }

        public static ApiKeyView created(ApiKey key, String rawKey) {
            return of(key, rawKey);
        }

        private static ApiKeyView of(ApiKey key, String rawKey) {
            return new ApiKeyView(key.id.toString(), rawKey, key.keyPrefix, key.name, key.scopeList(), key.active,
                    key.expiresAt == null ? null : utc(key.expiresAt), utc(key.createdAt));
        }
    }

    static String utc(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }
}
