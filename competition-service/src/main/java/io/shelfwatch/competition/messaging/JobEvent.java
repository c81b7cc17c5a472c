package io.shelfwatch.competition.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A record on `jobs`: `job_requested` (contracts/schemas/jobs/job_requested.schema.json) is
 * read in full; `job_finished` records, ours and etl's, are only recognised and skipped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "job_requested|job_finished") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("job_id") UUID jobId,
            @NotBlank @JsonProperty("job_name") String jobName,
            @JsonProperty("params") Map<String, Object> params) {

        /** `params.target_date` when given and a date; null otherwise. */
        public LocalDate targetDate() {
            Object value = params == null ? null : params.get("target_date");
            return value == null ? null : LocalDate.parse(value.toString());
        }
    }
}
