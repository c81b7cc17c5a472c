package io.shelfwatch.auth.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.auth.RefreshToken;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, String> {

    /**
     * Uses a token up atomically: of two concurrent presentations only one gets 1, so the
     * other is seen as a reuse.
     */
    public Uni<Integer> markUsed(String tokenHash, OffsetDateTime now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and revokedAt is null and expiresAt > ?1",
                now, tokenHash);
    }

    public Uni<Integer> revokeFamily(UUID familyId, OffsetDateTime now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public Uni<Integer> revokeAllOf(UUID accountId, OffsetDateTime now) {
        return update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", now, accountId);
    }
}
