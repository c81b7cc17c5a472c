package io.shelfwatch.etl.mart;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.shelfwatch.etl.pipeline.JobService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The nightly mart refresh of the day before; one replica claims each night's run. */
@ApplicationScoped
public class MartScheduler {

    private static final Logger LOG = Logger.getLogger(MartScheduler.class);

    private final JobService jobs;

    public MartScheduler(JobService jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "${etl.mart.cron:0 30 0 * * ?}", timeZone = "UTC",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> nightly() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        return claim(JobService.MART_REFRESH, yesterday).flatMap(claimed -> {
            if (!claimed) {
                return Uni.createFrom().voidItem();
            }
            return jobs.trigger(JobService.MART_REFRESH, yesterday, null, null)
                    .invoke(status -> LOG.infof("nightly mart refresh of %s: %s", yesterday, status.status()))
                    .replaceWithVoid();
        });
    }

    /** True for the one replica whose insert of the (job, day) row wins. */
    @WithTransaction
    Uni<Boolean> claim(String jobName, LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("INSERT INTO scheduled_runs (job_name, run_date,"
                + " claimed_at) VALUES (:job, :day, now()) ON CONFLICT DO NOTHING")
                .setParameter("job", jobName).setParameter("day", day).executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
