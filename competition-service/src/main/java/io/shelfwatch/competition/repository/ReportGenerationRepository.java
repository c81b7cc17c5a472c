package io.shelfwatch.competition.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.competition.ReportGeneration;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ReportGenerationRepository implements PanacheRepositoryBase<ReportGeneration, UUID> {

    /** The user's queued or running generation for the ASIN, or null. */
    public Uni<ReportGeneration> active(UUID userId, String asinMain) {
        return find("userId = ?1 and asinMain = ?2 and status in ?3", userId, asinMain,
                List.of(ReportGeneration.QUEUED, ReportGeneration.RUNNING)).firstResult();
    }

    /** The user's most recent generation for the ASIN, or null. */
    public Uni<ReportGeneration> latest(UUID userId, String asinMain) {
        return find("userId = ?1 and asinMain = ?2", Sort.descending("requestedAt"), userId, asinMain).firstResult();
    }

    /**
     * Queues a generation unless one is already queued or running for the user and ASIN (the
     * partial unique index decides, also between concurrent requests). True when queued.
     */
    public Uni<Boolean> queue(UUID id, UUID userId, String asinMain, boolean forced, String requestId) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                INSERT INTO report_generations (id, user_id, asin_main, status, forced, attempts, requested_at, request_id)
                VALUES (:id, :user, :main, 'queued', :forced, 0, now(), :request) ON CONFLICT DO NOTHING
                """).setParameter("id", id).setParameter("user", userId).setParameter("main", asinMain)
                .setParameter("forced", forced).setParameter("request", requestId).executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Locks the oldest queued generation, or one running since before `staleBefore` (its worker
     * died); generations another replica has locked are skipped.
     */
    public Uni<ReportGeneration> lockNext(OffsetDateTime staleBefore) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                SELECT id FROM report_generations
                WHERE status = 'queued' OR (status = 'running' AND started_at < :stale)
                ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """, UUID.class).setParameter("stale", staleBefore).getResultList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().nullItem() : findById(ids.get(0)));
    }

    public Uni<Long> removeAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
