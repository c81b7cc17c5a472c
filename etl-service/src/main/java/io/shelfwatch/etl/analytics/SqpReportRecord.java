package io.shelfwatch.etl.analytics;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A record of sqp.reports: contracts/schemas/sqp.reports/sqp_report.schema.json. */
public record SqpReportRecord(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("type") @NotNull @Pattern(regexp = "sqp_report") String type,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("data") @NotNull @Valid Data data) {

    public record Data(
            @JsonProperty("user_id") @NotNull UUID userId,
            @JsonProperty("brand_id") @NotNull UUID brandId,
            @JsonProperty("report_id") @NotBlank String reportId,
            @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("document_encoding") @NotNull @Pattern(regexp = "gzip\\+base64") String documentEncoding,
            @JsonProperty("document") @NotBlank String document) {
    }
}
