package io.shelfwatch.etl.mart;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jboss.resteasy.reactive.RestQuery;

import io.shelfwatch.etl.pipeline.JobService;
import io.shelfwatch.etl.pipeline.JobsResource.JobStatusResponse;
import io.shelfwatch.etl.rest.CalendarDate;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc A's `POST /v1/etl/mart/refresh`: builds one day of the mart (today, UTC, when no date is given). */
@Path("/v1/etl/mart/refresh")
public class MartResource {

    private final JobService jobs;

    public MartResource(JobService jobs) {
        this.jobs = jobs;
    }

    @POST
    @RolesAllowed("admin")
    public Uni<JobStatusResponse> refresh(@RestQuery("target_date")
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date, YYYY-MM-DD") @CalendarDate
            String targetDate) {
        LocalDate day = targetDate == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(targetDate);
        return jobs.trigger(JobService.MART_REFRESH, day, null, null).map(JobStatusResponse::of);
    }
}
