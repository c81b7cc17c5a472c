package io.shelfwatch.gateway.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What account.revocations told this replica: per user, the instant before which every
 * token is void. API-key revocations go straight to the exchange cache.
 */
@ApplicationScoped
public class Revocations {

    private final Map<String, Instant> tokensRevokedAt = new ConcurrentHashMap<>();
    private final ApiKeyExchange apiKeys;

    Revocations(ApiKeyExchange apiKeys) {
        this.apiKeys = apiKeys;
    }

    public void tokensRevoked(String userId, Instant revokedAt) {
        // iat has second precision: a token issued in the revocation's own second must survive
        // (the user signs in again right after a password reset), so compare whole seconds.
        Instant cutoff = revokedAt.truncatedTo(ChronoUnit.SECONDS);
        tokensRevokedAt.merge(userId, cutoff, (a, b) -> a.isAfter(b) ? a : b);
        apiKeys.evictUser(userId);
    }

    public void apiKeyRevoked(String userId, String keyPrefix) {
        apiKeys.evictPrefix(keyPrefix);
    }

    /** True when the user's tokens issued at {@code issuedAt} were revoked since. */
    public boolean isRevoked(String userId, Instant issuedAt) {
        Instant cutoff = tokensRevokedAt.get(userId);
        return cutoff != null && issuedAt.isBefore(cutoff);
    }
}
