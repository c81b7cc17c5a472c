package io.shelfwatch.auth.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.auth.ApiKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Uni<ApiKey> findByPrefix(String prefix) {
        return find("keyPrefix", prefix).firstResult();
    }

    public Uni<List<ApiKey>> listForUser(UUID userId) {
        return list("userId = ?1 order by createdAt", userId);
    }

    /** Another user's key is as absent as a key that never existed. */
    public Uni<ApiKey> findOwned(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<List<ApiKey>> listActiveForUser(UUID userId) {
        return list("userId = ?1 and active = true", userId);
    }
}
