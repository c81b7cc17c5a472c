package io.shelfwatch.competition.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.competition.mapping.JobEvents;
import io.shelfwatch.competition.messaging.JobEvent;
import io.shelfwatch.competition.messaging.OutboxWriter;
import io.shelfwatch.competition.repository.GapRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs `competition_daily` once per job_id: rebuilds every linked pair's comparison of the
 * target day (today when not given) and reports `job_finished` with the counts, in the same
 * transaction as the rebuild (or, when it failed, on its own).
 */
@ApplicationScoped
public class CompetitionDailyJob {

    private static final Logger LOG = Logger.getLogger(CompetitionDailyJob.class);

    private final GapRepository gaps;
    private final OutboxWriter outbox;
    private final CompetitionCache cache;

    public CompetitionDailyJob(GapRepository gaps, OutboxWriter outbox, CompetitionCache cache) {
        this.gaps = gaps;
        this.outbox = outbox;
        this.cache = cache;
    }

    public Uni<Void> run(JobEvent.Data job) {
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day;
        try {
            LocalDate target = job.targetDate();
            day = target != null ? target : LocalDate.now(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return report(job.jobId(), startedAt, Map.of(), "invalid target_date: " + e.getMessage());
        }
        return Panache.withTransaction(() -> claim(job.jobId()).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            return gaps.rebuildDay(day)
                    .flatMap(rows -> outbox.add(JobEvents.TOPIC, job.jobId().toString(), JobEvents.finished(
                            job.jobId(), JobEvents.COMPETITION_DAILY, startedAt, Map.of("comparisons", rows), null)))
                    .replaceWith(true);
        }))
                .flatMap(ran -> ran ? gaps.allMains().flatMap(cache::invalidate) : Uni.createFrom().voidItem())
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "competition_daily %s failed", job.jobId());
                    return report(job.jobId(), startedAt, Map.of(), "competition_daily failed: " + e.getMessage());
                });
    }

    /** True for the first delivery of this job; a redelivery finds the job already claimed. */
    private Uni<Boolean> claim(UUID jobId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "INSERT INTO job_runs (job_id, job_name, started_at) VALUES (:id, :name, now()) ON CONFLICT DO NOTHING")
                .setParameter("id", jobId).setParameter("name", JobEvents.COMPETITION_DAILY).executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private Uni<Void> report(UUID jobId, Instant startedAt, Map<String, Integer> counts, String error) {
        return Panache.withTransaction(() -> outbox.add(JobEvents.TOPIC, jobId.toString(),
                JobEvents.finished(jobId, JobEvents.COMPETITION_DAILY, startedAt, counts, error)));
    }
}
