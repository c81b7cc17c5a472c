package io.shelfwatch.auth.repository;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.auth.PasswordReset;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class PasswordResetRepository implements PanacheRepositoryBase<PasswordReset, String> {

    /** Takes the token atomically: of two concurrent uses only one gets 1. */
    public Uni<Integer> markUsed(String tokenHash, OffsetDateTime now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, tokenHash);
    }
}
