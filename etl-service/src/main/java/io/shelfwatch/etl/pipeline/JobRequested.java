package io.shelfwatch.etl.pipeline;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The `data` of a `job_requested` record (contracts/schemas/jobs/job_requested.schema.json). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobRequested(
        @JsonProperty("job_id") UUID jobId,
        @JsonProperty("job_name") String jobName,
        @JsonProperty("params") Map<String, Object> params,
        @JsonProperty("requested_by") UUID requestedBy) {

    public static final String TYPE = "job_requested";
    public static final String TOPIC = "jobs";
}
