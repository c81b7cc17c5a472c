package io.shelfwatch.etl.extract;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

/**
 * What one extraction job did to each target: fetched, failed, refused (SSRF) or quarantined,
 * and why. Admins only: it names the pages users track.
 */
@Path("/v1/etl/extract/jobs")
public class ExtractJobsResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FetchRecord(
            @JsonProperty("target") String target,
            @JsonProperty("url") String url,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("detail") String detail,
            @JsonProperty("at") OffsetDateTime at) {
    }

    public record JobFetches(@JsonProperty("job_id") String jobId, @JsonProperty("fetches") List<FetchRecord> fetches) {
    }

    private final Pool pool;

    public ExtractJobsResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Path("/{job_id}")
    @RolesAllowed("admin")
    public Uni<JobFetches> fetches(@RestPath("job_id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String jobId) {
        UUID id = UUID.fromString(jobId);
        return pool.preparedQuery("SELECT target, url, outcome, detail, created_at FROM extract_fetch_log WHERE job_id = $1 ORDER BY id")
                .execute(Tuple.of(id)).map(rows -> {
                    List<FetchRecord> fetches = new ArrayList<>();
                    for (Row row : rows) {
                        fetches.add(new FetchRecord(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getOffsetDateTime(4)));
                    }
                    if (fetches.isEmpty()) {
                        throw new NotFoundException("No extraction record for this job");
                    }
                    return new JobFetches(jobId, fetches);
                });
    }
}
