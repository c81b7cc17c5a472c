package io.shelfwatch.auth.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.auth.UsageCount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class UsageCountRepository implements PanacheRepositoryBase<UsageCount, UsageCount.Key> {

    public Uni<List<UsageCount>> listForUser(UUID userId) {
        return list("userId", userId);
    }

    public Uni<Long> deleteForUser(UUID userId) {
        return delete("userId", userId);
    }
}
