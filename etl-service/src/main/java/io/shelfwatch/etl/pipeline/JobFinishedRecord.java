package io.shelfwatch.etl.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A consumed record of the `jobs` topic: `job_finished` is recorded, `job_requested` is for its runner. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobFinishedRecord(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "job_finished|job_requested") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    public static final String FINISHED = "job_finished";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("job_id") UUID jobId,
            @NotBlank @JsonProperty("job_name") String jobName,
            @JsonProperty("status") String status,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("finished_at") Instant finishedAt,
            @JsonProperty("counts") Map<String, Integer> counts,
            @JsonProperty("error") String error) {
    }
}
