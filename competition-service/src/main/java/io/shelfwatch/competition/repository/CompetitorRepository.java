package io.shelfwatch.competition.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.competition.Competitor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class CompetitorRepository implements PanacheRepositoryBase<Competitor, UUID> {

    /**
     * One page of a user's competitors, newest first; other users' rows are never read. The first
     * row's position is computed as a long (`page` may be as large as an int allows); a page
     * starting beyond what a query's int range can address is past the end of any list: empty.
     */
    public Uni<List<Competitor>> pageOf(UUID userId, int page, int perPage) {
        long first = (long) (page - 1) * perPage;
        long last = first + perPage - 1;
        if (last > Integer.MAX_VALUE) {
            return Uni.createFrom().item(List.of());
        }
        return find("userId", Sort.descending("createdAt").and("id"), userId)
                .range((int) first, (int) last).list();
    }

    public Uni<Long> countOf(UUID userId) {
        return count("userId", userId);
    }

    public Uni<List<Competitor>> allOf(UUID userId) {
        return list("userId", userId);
    }

    /**
     * Serialises changes to one user's competitors until the transaction ends (a transaction-scoped
     * advisory lock, since the user may have no row yet to lock).
     */
    public Uni<Void> lockOwner(UUID userId) {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:owner, 0))) l",
                        Long.class)
                .setParameter("owner", "competitors:" + userId)
                .getSingleResult())
                .replaceWithVoid();
    }
}
