package io.shelfwatch.etl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.shelfwatch.etl.extract.TrackedTargets.ProductTarget;
import io.shelfwatch.etl.extract.TrackedTargets.StoreTarget;
import io.shelfwatch.etl.pipeline.JobService;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs extraction jobs: each is a `product_sync` job execution (scheduled, or triggered through
 * `POST /v1/etl/jobs/trigger`) that fetches its claimed products and scans its claimed stores,
 * logs every target's outcome and ends the job with the counts and what failed and why.
 */
@ApplicationScoped
public class ExtractionRuns {

    private static final Logger LOG = Logger.getLogger(ExtractionRuns.class);

    private final TrackedTargets targets;
    private final ProductPageFetch productPages;
    private final StoreScanner stores;
    private final JobService jobs;
    private final Pool pool;
    private final ExtractConfig config;
    private final Vertx vertx;

    public ExtractionRuns(TrackedTargets targets, ProductPageFetch productPages, StoreScanner stores, JobService jobs,
            Pool pool, ExtractConfig config, Vertx vertx) {
        this.targets = targets;
        this.productPages = productPages;
        this.stores = stores;
        this.jobs = jobs;
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * `product_sync`: every tracked product and active store, now. Runs in the background on its
     * own context, so the trigger answers at once with the job id to follow.
     */
    public void startSync(UUID jobId) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> Uni.combine().all()
                .unis(targets.claimProducts(true, Integer.MAX_VALUE), targets.claimStores(true, Integer.MAX_VALUE))
                .asTuple()
                .flatMap(claimed -> run(jobId, claimed.getItem1(), claimed.getItem2()))
                .onFailure().recoverWithUni(e -> finishFailed(jobId, e))
                .subscribe().with(done -> { }, e -> LOG.errorf("product_sync %s could not be recorded: %s", jobId, e)));
    }

    /** One scheduler turn: the targets due now, as one job; nothing recorded when nothing is due. */
    public Uni<Void> runDue() {
        int limit = config.batchSize();
        return targets.claimProducts(false, limit).flatMap(products -> targets.claimStores(false, limit)
                .flatMap(due -> {
                    if (products.isEmpty() && due.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return jobs.start(JobService.PRODUCT_SYNC, null, Map.of("trigger", "schedule"), null)
                            .flatMap(job -> run(job.jobId, products, due)
                                    .onFailure().recoverWithUni(e -> finishFailed(job.jobId, e)));
                }));
    }

    Uni<Void> run(UUID jobId, List<ProductTarget> products, List<StoreTarget> due) {
        RunLog log = new RunLog(jobId);
        List<Uni<Void>> work = new ArrayList<>();
        products.forEach(p -> work.add(Uni.createFrom().deferred(() -> productPages.fetch(log, p))));
        due.forEach(s -> work.add(Uni.createFrom().deferred(() -> stores.scan(log, s))));
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(work)
                .onItem().transformToUni(u -> u).merge(Math.max(1, config.concurrency()))
                .collect().last()
                // Back on the run's own context: the job is ended in a Hibernate Reactive transaction.
                .emitOn(task -> context.runOnContext(v -> task.run()))
                .flatMap(ignored -> saveLog(log))
                .flatMap(ignored -> finish(log, products.size() + due.size()));
    }

    private Uni<Void> saveLog(RunLog log) {
        List<Tuple> rows = log.entries().stream().map(e -> Tuple.of(log.jobId(), e.target(), e.url(), e.outcome(),
                e.detail() == null ? null : e.detail().length() > 2000 ? e.detail().substring(0, 2000) : e.detail()))
                .toList();
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        return pool.preparedQuery("INSERT INTO extract_fetch_log (job_id, target, url, outcome, detail) VALUES ($1, $2, $3, $4, $5)")
                .executeBatch(rows)
                // Per-target records are for following up a recent job; the job row itself stays.
                .call(() -> pool.preparedQuery("DELETE FROM extract_fetch_log WHERE created_at < now() - make_interval(days => $1)")
                        .execute(Tuple.of(config.fetchLogDays())))
                .replaceWithVoid()
                .emitOn(task -> context.runOnContext(v -> task.run()));
    }

    private Uni<Void> finish(RunLog log, int targetCount) {
        int fetched = log.count(RunLog.FETCHED);
        int failed = log.count(RunLog.FAILED) + log.count(RunLog.REFUSED);
        int quarantined = log.count(RunLog.QUARANTINED);
        // A run fails when nothing it tried worked; one bad page among many is reported, not fatal.
        boolean failedRun = fetched == 0 && failed > 0;
        String message = log.summary();
        LOG.infof("product_sync %s: %d targets, %d fetched, %d failed, %d values quarantined", log.jobId(), targetCount,
                fetched, failed, quarantined);
        return jobs.finish(log.jobId(), fetched, failed + quarantined, message, failedRun).replaceWithVoid();
    }

    private Uni<Void> finishFailed(UUID jobId, Throwable e) {
        LOG.errorf(e, "product_sync %s failed", jobId);
        return jobs.finish(jobId, 0, 0, "the run failed: internal error (see the service log)", true)
                .replaceWithVoid();
    }
}
