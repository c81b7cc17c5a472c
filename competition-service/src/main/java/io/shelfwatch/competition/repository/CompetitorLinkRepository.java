package io.shelfwatch.competition.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.competition.CompetitorLink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class CompetitorLinkRepository implements PanacheRepositoryBase<CompetitorLink, UUID> {

    /** The competitor ASINs a user links to a main ASIN, in the order they were linked. */
    public Uni<List<String>> competitorsOf(UUID userId, String asinMain) {
        return list("userId = ?1 and asinMain = ?2", Sort.ascending("createdAt", "competitorAsin"), userId, asinMain)
                .map(links -> links.stream().map(l -> l.competitorAsin).toList());
    }

    /**
     * Inserts the links that do not exist yet; a concurrent request inserting the same link is
     * absorbed by the unique key. Answers how many were new.
     */
    public Uni<Integer> insertMissing(UUID userId, String asinMain, List<String> competitorAsins) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (String competitor : competitorAsins) {
            total = total.flatMap(sum -> getSession().flatMap(session -> session.createNativeQuery(
                    "INSERT INTO competitor_links (id, user_id, asin_main, competitor_asin, created_at)"
                            // clock_timestamp(): links made together keep the order they were given in.
                            + " VALUES (:id, :user, :main, :competitor, clock_timestamp()) ON CONFLICT DO NOTHING")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("user", userId)
                    .setParameter("main", asinMain)
                    .setParameter("competitor", competitor)
                    .executeUpdate())
                    .map(inserted -> sum + inserted));
        }
        return total;
    }

    public Uni<Long> remove(UUID userId, String asinMain, Collection<String> competitorAsins) {
        if (competitorAsins.isEmpty()) {
            return delete("userId = ?1 and asinMain = ?2", userId, asinMain);
        }
        return delete("userId = ?1 and asinMain = ?2 and competitorAsin in ?3", userId, asinMain, competitorAsins);
    }

    public Uni<Long> removeAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
