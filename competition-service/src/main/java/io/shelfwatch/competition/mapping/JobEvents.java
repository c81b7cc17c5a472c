package io.shelfwatch.competition.mapping;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.competition.messaging.EventEnvelope;

/** `jobs / job_finished`, as this service reports the jobs it runs. */
public final class JobEvents {

    public static final String TOPIC = "jobs";
    public static final String COMPETITION_DAILY = "competition_daily";

    public record JobFinished(
            @JsonProperty("job_id") UUID jobId,
            @JsonProperty("job_name") String jobName,
            @JsonProperty("status") String status,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("finished_at") Instant finishedAt,
            @JsonProperty("counts") Map<String, Integer> counts,
            @JsonProperty("error") String error) {
    }

    private JobEvents() {
    }

    public static EventEnvelope<JobFinished> finished(UUID jobId, String jobName, Instant startedAt,
            Map<String, Integer> counts, String error) {
        return EventEnvelope.of("job_finished", new JobFinished(jobId, jobName, error == null ? "succeeded" : "failed",
                startedAt, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), counts, error));
    }
}
