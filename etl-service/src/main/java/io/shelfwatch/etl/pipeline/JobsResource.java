package io.shelfwatch.etl.pipeline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.etl.pipeline.JobService.JobStatus;
import io.shelfwatch.etl.rest.CalendarDate;
import io.shelfwatch.etl.rest.InputPatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc A's job endpoints: writes need role admin, reads any signed-in principal. */
@Path("/v1/etl")
public class JobsResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** Doc A's `TriggerJobRequest`. */
    public record TriggerJobRequest(
            @NotNull @Pattern(regexp = "product_sync|process_raw_events|mart_refresh|competition_daily|alert_scan",
                    message = "must be one of product_sync, process_raw_events, mart_refresh, competition_daily, alert_scan")
            @JsonProperty("job_name") String jobName,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date, YYYY-MM-DD") @CalendarDate
            @JsonProperty("target_date") String targetDate,
            @JsonProperty("job_metadata") Map<String, Object> jobMetadata) {
    }

    /** Doc A's `JobStatusResponse`. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record JobStatusResponse(
            @JsonProperty("job_id") String jobId,
            @JsonProperty("status") String status,
            @JsonProperty("message") String message,
            @JsonProperty("details") Map<String, Object> details) {

        public static JobStatusResponse of(JobStatus status) {
            return new JobStatusResponse(status.jobId(), status.status(), status.message(), status.details());
        }
    }

    /** Doc A's `JobExecutionResponse`. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record JobExecutionResponse(
            @JsonProperty("job_id") String jobId,
            @JsonProperty("job_name") String jobName,
            @JsonProperty("status") String status,
            @JsonProperty("started_at") OffsetDateTime startedAt,
            @JsonProperty("completed_at") OffsetDateTime completedAt,
            @JsonProperty("records_processed") int recordsProcessed,
            @JsonProperty("records_failed") int recordsFailed,
            @JsonProperty("error_message") String errorMessage,
            @JsonProperty("created_at") OffsetDateTime createdAt) {

        public static JobExecutionResponse of(JobExecution job) {
            return new JobExecutionResponse(job.jobId.toString(), job.jobName, job.status, job.startedAt,
                    job.completedAt, job.recordsProcessed, job.recordsFailed, job.errorMessage, job.createdAt);
        }
    }

    private final JobService jobs;
    private final JsonWebToken jwt;

    public JobsResource(JobService jobs, JsonWebToken jwt) {
        this.jobs = jobs;
        this.jwt = jwt;
    }

    @POST
    @Path("/jobs/trigger")
    @RolesAllowed("admin")
    public Uni<JobStatusResponse> trigger(@Valid @NotNull TriggerJobRequest request) {
        return jobs.trigger(request.jobName(), date(request.targetDate()), request.jobMetadata(), caller())
                .map(JobStatusResponse::of);
    }

    @GET
    @Path("/jobs/{job_id}")
    @Authenticated
    public Uni<JobExecutionResponse> job(@RestPath("job_id") @Pattern(regexp = UUID_PATTERN,
            message = "must be a UUID") String jobId) {
        return jobs.find(UUID.fromString(jobId)).map(job -> {
            if (job == null) {
                throw new NotFoundException("Job not found");
            }
            return JobExecutionResponse.of(job);
        });
    }

    @GET
    @Path("/jobs")
    @Authenticated
    public Uni<List<JobExecutionResponse>> recent(@RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return jobs.recent(limit).map(list -> list.stream().map(JobExecutionResponse::of).toList());
    }

    @POST
    @Path("/events/process/{job_id}")
    @RolesAllowed("admin")
    public Uni<JobStatusResponse> process(@RestPath("job_id") @Size(min = 1, max = 100)
            @Pattern(regexp = InputPatterns.NO_NUL, message = InputPatterns.NO_NUL_MESSAGE) String jobId) {
        return jobs.processEventsOf(jobId).map(JobStatusResponse::of);
    }

    /** Already a calendar date: the request was validated. */
    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private UUID caller() {
        try {
            return jwt.getSubject() == null ? null : UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException notAUserId) {
            return null;
        }
    }
}
