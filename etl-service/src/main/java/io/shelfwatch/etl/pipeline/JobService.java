package io.shelfwatch.etl.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.etl.extract.ExtractionRuns;
import io.shelfwatch.etl.mart.MartService;
import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.messaging.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Job executions (doc A): runs this service's jobs, asks other services for theirs through
 * `jobs`, and records what every runner reports back.
 */
@ApplicationScoped
public class JobService {

    public static final String PRODUCT_SYNC = "product_sync";
    public static final String PROCESS_RAW_EVENTS = "process_raw_events";
    public static final String MART_REFRESH = "mart_refresh";
    public static final String COMPETITION_DAILY = "competition_daily";
    public static final String ALERT_SCAN = "alert_scan";

    /** Doc A's `JobStatusResponse`. */
    public record JobStatus(String jobId, String status, String message, Map<String, Object> details) {
    }

    private final JobExecutionRepository executions;
    private final PipelineService pipeline;
    private final OutboxWriter outbox;
    private final MartService mart;
    private final ExtractionRuns extraction;

    public JobService(JobExecutionRepository executions, PipelineService pipeline, OutboxWriter outbox,
            MartService mart, ExtractionRuns extraction) {
        this.executions = executions;
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.mart = mart;
        this.extraction = extraction;
    }

    public Uni<JobExecution> find(UUID jobId) {
        return executions.findById(jobId);
    }

    public Uni<List<JobExecution>> recent(int limit) {
        return executions.recent(limit);
    }

    public Uni<JobStatus> trigger(String jobName, LocalDate targetDate, Map<String, Object> metadata, UUID requestedBy) {
        return switch (jobName) {
            case COMPETITION_DAILY -> requestElsewhere(jobName, targetDate, metadata, requestedBy)
                    .map(job -> status(job, "Job requested from competition-service"));
            case PROCESS_RAW_EVENTS -> start(jobName, targetDate, metadata, requestedBy)
                    .flatMap(job -> pipeline.processJob(null)
                            .flatMap(run -> finish(job.jobId, run.processed(), run.failed(), null))
                            .onFailure().recoverWithUni(e -> finish(job.jobId, 0, 0, e.getMessage())))
                    .map(job -> status(job, "Pending raw events processed"));
            case ALERT_SCAN -> start(jobName, targetDate, metadata, requestedBy)
                    // Market alerts are raised as each observation is applied; a scan finds nothing left to raise.
                    .flatMap(job -> finish(job.jobId, 0, 0, null))
                    .map(job -> status(job, "Alerts are raised as observations arrive; nothing was pending"));
            case MART_REFRESH -> start(jobName, targetDate, metadata, requestedBy)
                    .flatMap(job -> mart.refresh(targetDate != null ? targetDate : LocalDate.now(ZoneOffset.UTC))
                            .flatMap(rows -> finish(job.jobId, rows, 0, null))
                            .onFailure().recoverWithUni(e -> finish(job.jobId, 0, 0, e.getMessage())))
                    .map(job -> status(job, "Mart refreshed"));
            // The extractor fetches every tracked page and store in the background; the job record follows it.
            case PRODUCT_SYNC -> start(jobName, targetDate, metadata, requestedBy)
                    .invoke(job -> extraction.startSync(job.jobId))
                    .map(job -> status(job, "Fetching every tracked product page and competitor store"));
            default -> queue(jobName, targetDate, metadata, requestedBy)
                    .map(job -> status(job, "Job queued"));
        };
    }

    /** `POST /v1/etl/events/process/{job_id}`: the job's stored events not yet applied, at once. */
    public Uni<JobStatus> processEventsOf(String jobId) {
        return pipeline.processJob(jobId).map(run -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("records_processed", run.processed());
            details.put("records_failed", run.failed());
            return new JobStatus(jobId, run.failed() == 0 ? JobExecution.COMPLETED : JobExecution.FAILED,
                    "Processed " + run.processed() + " events, " + run.failed() + " failed", details);
        });
    }

    /** A `job_finished` from any runner; a redelivery or an older report changes nothing. */
    @WithTransaction
    public Uni<Void> recordFinished(JobFinishedRecord record) {
        JobFinishedRecord.Data data = record.data();
        return executions.findById(data.jobId()).flatMap(existing -> {
            OffsetDateTime finishedAt = utc(data.finishedAt());
            if (existing != null && existing.completedAt != null && finishedAt != null
                    && !existing.completedAt.isBefore(finishedAt)) {
                return Uni.createFrom().voidItem();
            }
            JobExecution job = existing != null ? existing : newExecution(data.jobId(), data.jobName(), null, null, null);
            job.status = "failed".equals(data.status()) ? JobExecution.FAILED : JobExecution.COMPLETED;
            job.startedAt = utc(data.startedAt());
            job.completedAt = finishedAt;
            Map<String, Integer> counts = data.counts() == null ? Map.of() : data.counts();
            job.recordsFailed = counts.getOrDefault("records_failed", 0);
            // Other runners count in their own terms (comparisons, reports): all of it is work done.
            job.recordsProcessed = counts.containsKey("records_processed") ? counts.get("records_processed")
                    : counts.entrySet().stream().filter(e -> !e.getKey().equals("records_failed"))
                            .mapToInt(Map.Entry::getValue).sum();
            job.errorMessage = data.error();
            return existing != null ? Uni.createFrom().voidItem() : executions.persist(job).replaceWithVoid();
        });
    }

    @WithTransaction
    Uni<JobExecution> requestElsewhere(String jobName, LocalDate targetDate, Map<String, Object> metadata, UUID by) {
        JobExecution job = newExecution(UUID.randomUUID(), jobName, targetDate, metadata, by);
        job.status = JobExecution.PENDING;
        Map<String, Object> params = new HashMap<>(metadata == null ? Map.of() : metadata);
        if (targetDate != null) {
            params.put("target_date", targetDate.toString());
        }
        JobRequested request = new JobRequested(job.jobId, jobName, params, by);
        return executions.persist(job)
                .call(() -> outbox.add(JobRequested.TOPIC, job.jobId.toString(), EventEnvelope.of(JobRequested.TYPE, request)));
    }

    @WithTransaction
    Uni<JobExecution> queue(String jobName, LocalDate targetDate, Map<String, Object> metadata, UUID by) {
        JobExecution job = newExecution(UUID.randomUUID(), jobName, targetDate, metadata, by);
        job.status = JobExecution.PENDING;
        return executions.persist(job);
    }

    @WithTransaction
    public Uni<JobExecution> start(String jobName, LocalDate targetDate, Map<String, Object> metadata, UUID by) {
        JobExecution job = newExecution(UUID.randomUUID(), jobName, targetDate, metadata, by);
        job.status = JobExecution.RUNNING;
        job.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return executions.persist(job);
    }

    /** Ends a job this service ran and announces it on `jobs`, like every runner does. */
    @WithTransaction
    public Uni<JobExecution> finish(UUID jobId, int processed, int failed, String error) {
        return finish(jobId, processed, failed, error, error != null);
    }

    /**
     * Ends a job that may have succeeded in part: {@code failedRun} decides its status, and
     * {@code error} keeps what failed and why either way (a product_sync with one bad page).
     */
    @WithTransaction
    public Uni<JobExecution> finish(UUID jobId, int processed, int failed, String error, boolean failedRun) {
        return executions.findById(jobId).call(job -> {
            job.status = failedRun ? JobExecution.FAILED : JobExecution.COMPLETED;
            job.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
            job.recordsProcessed = processed;
            job.recordsFailed = failed;
            job.errorMessage = error;
            Map<String, Object> counts = Map.of("records_processed", processed, "records_failed", failed);
            Map<String, Object> finished = new LinkedHashMap<>();
            finished.put("job_id", job.jobId);
            finished.put("job_name", job.jobName);
            finished.put("status", failedRun ? "failed" : "succeeded");
            finished.put("started_at", job.startedAt.toInstant());
            finished.put("finished_at", job.completedAt.toInstant());
            finished.put("counts", counts);
            finished.put("error", error);
            return outbox.add(JobRequested.TOPIC, job.jobId.toString(), EventEnvelope.of(JobFinishedRecord.FINISHED, finished));
        });
    }

    private static JobStatus status(JobExecution job, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("job_name", job.jobName);
        details.put("target_date", job.targetDate == null ? null : job.targetDate.toString());
        details.put("records_processed", job.recordsProcessed);
        details.put("records_failed", job.recordsFailed);
        details.put("error_message", job.errorMessage);
        return new JobStatus(job.jobId.toString(), job.status, message, details);
    }

    private static JobExecution newExecution(UUID id, String jobName, LocalDate targetDate, Map<String, Object> metadata,
            UUID by) {
        JobExecution job = new JobExecution();
        job.jobId = id;
        job.jobName = jobName;
        job.targetDate = targetDate;
        job.jobMetadata = metadata;
        job.requestedBy = by;
        job.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return job;
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
