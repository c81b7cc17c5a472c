package io.shelfwatch.competition.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A `scan_finished` record (contracts/schemas/scans/scan_finished.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScanFinishedEvent(
        @NotNull @JsonProperty("event_id") UUID eventId,
        @NotNull @Pattern(regexp = "scan_finished") @JsonProperty("type") String type,
        @NotNull @JsonProperty("occurred_at") Instant occurredAt,
        @NotNull @Valid @JsonProperty("data") Data data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @NotNull @JsonProperty("competitor_id") UUID competitorId,
            @NotNull @JsonProperty("scan_id") UUID scanId,
            @NotNull @JsonProperty("scanned_at") Instant scannedAt,
            @NotNull @Min(0) @JsonProperty("found") Integer found,
            @NotNull @Min(0) @JsonProperty("new") Integer added,
            @NotNull @Min(0) @JsonProperty("removed") Integer removed,
            @NotNull @Min(0) @JsonProperty("back") Integer back,
            @JsonProperty("error") String error) {
    }
}
