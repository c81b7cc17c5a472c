package io.shelfwatch.connector.repository;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.connector.Export;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ExportRepository implements PanacheRepositoryBase<Export, UUID> {

    public Uni<Export> find(UUID userId, String cacheKey, String dataType) {
        return find("userId = ?1 and cacheKey = ?2 and dataType = ?3", userId, cacheKey, dataType).firstResult();
    }

    public Uni<Export> newest(UUID userId, String dataType) {
        return find("userId = ?1 and dataType = ?2 order by createdAt desc", userId, dataType).firstResult();
    }

    public Uni<java.util.List<Export>> latest(UUID userId, int limit) {
        return find("userId = ?1 order by createdAt desc", userId).page(0, limit).list();
    }

    public Uni<Long> countFor(UUID userId) {
        return count("userId", userId);
    }

    public Uni<Long> deleteFor(UUID userId) {
        return delete("userId", userId);
    }
}
