package io.shelfwatch.connector.mapping;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shelfwatch.connector.Activity;

/** An activity as doc B's clients read it: every stored field and the computed ones. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ActivityView(
        UUID id,
        @JsonProperty("activity_type") String activityType,
        String action,
        @JsonProperty("marketplace_id") String marketplaceId,
        String status,
        String detail,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("records_processed") int recordsProcessed,
        @JsonProperty("records_created") int recordsCreated,
        @JsonProperty("records_updated") int recordsUpdated,
        @JsonProperty("records_failed") int recordsFailed,
        /** created + updated + failed, or processed when nothing finer was counted. */
        @JsonProperty("total_records") int totalRecords,
        /** Share of the records handled without failure, in percent; null with no records. */
        @JsonProperty("success_rate") Double successRate,
        boolean background,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("duration_seconds") Double durationSeconds,
        @JsonProperty("duration_formatted") String durationFormatted,
        @JsonProperty("is_running") boolean running,
        @JsonProperty("is_completed") boolean completed,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode progress,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode result) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    public static ActivityView of(Activity a, boolean withDetails, ObjectMapper json) {
        int finer = a.recordsCreated + a.recordsUpdated + a.recordsFailed;
        int total = finer > 0 ? finer : a.recordsProcessed;
        Double rate = total == 0 ? null
                : Math.round(1000.0 * (total - a.recordsFailed) / total) / 10.0;
        Duration duration = duration(a);
        return new ActivityView(a.id, a.activityType, a.action, a.marketplaceId, a.status, a.detail, a.errorMessage,
                a.recordsProcessed, a.recordsCreated, a.recordsUpdated, a.recordsFailed, total, rate, a.background,
                iso(a.startedAt), iso(a.completedAt),
                duration == null ? null : duration.toMillis() / 1000.0, formatted(duration),
                Activity.PENDING.equals(a.status) || Activity.IN_PROGRESS.equals(a.status),
                Activity.COMPLETED.equals(a.status), iso(a.createdAt), iso(a.updatedAt),
                withDetails ? tree(a.progress, json) : null, withDetails ? tree(a.result, json) : null);
    }

    /** From start to completion, or to now while it runs; null before it started. */
    public static Duration duration(Activity a) {
        if (a.startedAt == null) {
            return null;
        }
        OffsetDateTime end = a.completedAt != null ? a.completedAt : OffsetDateTime.now(ZoneOffset.UTC);
        Duration d = Duration.between(a.startedAt, end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** `850ms`, `12.4s`, `3m 05s`, `2h 03m 04s`. */
    public static String formatted(Duration d) {
        if (d == null) {
            return null;
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh %02dm %02ds", s / 3600, (s % 3600) / 60, s % 60);
    }

    private static String iso(OffsetDateTime t) {
        return t == null ? null : ISO.format(t.toInstant());
    }

    private static JsonNode tree(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
