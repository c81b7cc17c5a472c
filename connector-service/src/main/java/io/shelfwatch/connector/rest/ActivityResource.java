package io.shelfwatch.connector.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.mapping.ActivityView;
import io.shelfwatch.connector.repository.ActivityRepository;
import io.shelfwatch.connector.repository.ActivityRepository.Filter;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

/** Doc B's activity log: the list with every filter, one activity, and statistics over a period. */
@Path("/api/activities")
@Authenticated
public class ActivityResource {

    static final Set<String> STATUSES = Set.of(Activity.PENDING, Activity.IN_PROGRESS, Activity.COMPLETED,
            Activity.FAILED, Activity.CANCELLED);
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_DAYS = 3650;
    /** PostgreSQL cannot compare text with a NUL character (`%00`): such a filter is refused as invalid. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL_MESSAGE = "must not contain NUL characters";

    public record Pagination(int page, @JsonProperty("page_size") int pageSize,
            @JsonProperty("total_count") long totalCount, @JsonProperty("total_pages") long totalPages,
            @JsonProperty("has_next") boolean hasNext, @JsonProperty("has_previous") boolean hasPrevious) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Filters(@JsonProperty("marketplace_id") String marketplaceId, String status,
            @JsonProperty("activity_type") String activityType, String search,
            @JsonProperty("date_from") String dateFrom, @JsonProperty("date_to") String dateTo) {
    }

    public record ActivityList(List<ActivityView> activities, Pagination pagination, Filters filters) {
    }

    public record Envelope<T>(boolean success, T data) {
    }

    public record Breakdown(long total, long completed, long failed, long in_progress, long pending,
            long cancelled) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Stats(
            @JsonProperty("period_days") int periodDays,
            @JsonProperty("since") String since,
            @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("total_activities") long total,
            @JsonProperty("completed") long completed,
            @JsonProperty("failed") long failed,
            @JsonProperty("in_progress") long inProgress,
            @JsonProperty("pending") long pending,
            @JsonProperty("cancelled") long cancelled,
            /** completed ÷ finished (completed, failed, cancelled), in percent; null when none finished. */
            @JsonProperty("success_rate") Double successRate,
            @JsonProperty("average_duration_seconds") Double averageDurationSeconds,
            @JsonProperty("total_records_processed") long totalRecordsProcessed,
            @JsonProperty("total_records_failed") long totalRecordsFailed,
            @JsonProperty("by_status") Map<String, Long> byStatus,
            @JsonProperty("by_type") Map<String, Breakdown> byType,
            @JsonProperty("by_marketplace") Map<String, Breakdown> byMarketplace,
            @JsonProperty("recent_activities") List<ActivityView> recent) {
    }

    private final ActivityRepository activities;
    private final JsonWebToken jwt;
    private final ObjectMapper json;

    public ActivityResource(ActivityRepository activities, JsonWebToken jwt, ObjectMapper json) {
        this.activities = activities;
        this.jwt = jwt;
        this.json = json;
    }

    @GET
    public Uni<Envelope<ActivityList>> list(@RestQuery("page") @DefaultValue("1") @Min(1) int pageNumber,
            @RestQuery("page_size") @DefaultValue("10") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @RestQuery("marketplace_id") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String marketplaceId,
            @RestQuery("status") String status,
            @RestQuery("activity_type") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String activityType,
            @RestQuery("search") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String search,
            @RestQuery("date_from") String dateFrom, @RestQuery("date_to") String dateTo) {
        String wantedStatus = blankToNull(status);
        if (wantedStatus != null && !STATUSES.contains(wantedStatus)) {
            throw new BadRequestException("status must be one of pending, in_progress, completed, failed, cancelled");
        }
        OffsetDateTime from = day("date_from", dateFrom, false);
        OffsetDateTime before = day("date_to", dateTo, true);
        Filter filter = new Filter(user(), blankToNull(marketplaceId), wantedStatus, blankToNull(activityType),
                blankToNull(search), from, before);
        return activities.page(filter, pageNumber, size).map(found -> {
            long pages = (found.total() + size - 1) / size;
            return new Envelope<>(true, new ActivityList(
                    found.activities().stream().map(a -> ActivityView.of(a, false, json)).toList(),
                    new Pagination(pageNumber, size, found.total(), pages, pageNumber < pages, pageNumber > 1),
                    new Filters(filter.marketplaceId(), wantedStatus, filter.activityType(), filter.search(),
                            blankToNull(dateFrom), blankToNull(dateTo))));
        });
    }

    @GET
    @Path("/stats")
    public Uni<Envelope<Stats>> stats(@RestQuery("days") @DefaultValue("30") @Min(1) @Max(MAX_DAYS) int period,
            @RestQuery("marketplace_id") @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String marketplaceId) {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusDays(period);
        String marketplace = blankToNull(marketplaceId);
        return activities.since(user(), since, marketplace).map(list -> new Envelope<>(true,
                stats(list, period, since, marketplace)));
    }

    @GET
    @Path("/{activity_id}")
    public Uni<Envelope<ActivityView>> one(@RestPath("activity_id") String activityId) {
        UUID id;
        try {
            id = UUID.fromString(activityId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("activity_id must be a UUID");
        }
        return activities.findOwned(user(), id)
                .onItem().ifNull().failWith(() -> new NotFoundException("Activity not found"))
                .map(a -> new Envelope<>(true, ActivityView.of(a, true, json)));
    }

    private Stats stats(List<Activity> list, int period, OffsetDateTime since, String marketplace) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.stream().sorted().forEach(s -> byStatus.put(s, 0L));
        Map<String, List<Activity>> byType = new LinkedHashMap<>();
        Map<String, List<Activity>> byMarketplace = new LinkedHashMap<>();
        double durationSum = 0;
        int durations = 0;
        long processed = 0;
        long failedRecords = 0;
        for (Activity a : list) {
            byStatus.merge(a.status, 1L, Long::sum);
            byType.computeIfAbsent(a.activityType, k -> new ArrayList<>()).add(a);
            byMarketplace.computeIfAbsent(a.marketplaceId == null ? "none" : a.marketplaceId,
                    k -> new ArrayList<>()).add(a);
            if (a.finished() && a.startedAt != null) {
                durationSum += ActivityView.duration(a).toMillis() / 1000.0;
                durations++;
            }
            processed += a.recordsProcessed;
            failedRecords += a.recordsFailed;
        }
        long completed = byStatus.get(Activity.COMPLETED);
        long failed = byStatus.get(Activity.FAILED);
        long cancelled = byStatus.get(Activity.CANCELLED);
        long finished = completed + failed + cancelled;
        Double rate = finished == 0 ? null : Math.round(1000.0 * completed / finished) / 10.0;
        Double average = durations == 0 ? null : Math.round(durationSum * 1000 / durations) / 1000.0;
        Map<String, Breakdown> types = new LinkedHashMap<>();
        byType.forEach((k, v) -> types.put(k, breakdown(v)));
        Map<String, Breakdown> markets = new LinkedHashMap<>();
        byMarketplace.forEach((k, v) -> markets.put(k, breakdown(v)));
        return new Stats(period, since.toInstant().toString(), marketplace, list.size(), completed, failed,
                byStatus.get(Activity.IN_PROGRESS), byStatus.get(Activity.PENDING), cancelled, rate, average,
                processed, failedRecords, byStatus, types, markets,
                list.stream().limit(10).map(a -> ActivityView.of(a, false, json)).toList());
    }

    private static Breakdown breakdown(List<Activity> list) {
        return new Breakdown(list.size(), count(list, Activity.COMPLETED), count(list, Activity.FAILED),
                count(list, Activity.IN_PROGRESS), count(list, Activity.PENDING), count(list, Activity.CANCELLED));
    }

    private static long count(List<Activity> list, String status) {
        return list.stream().filter(a -> status.equals(a.status)).count();
    }

    private UUID user() {
        return UUID.fromString(jwt.getSubject());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An ISO date (the whole day, UTC) or an ISO date-time; `end` makes `date_to` inclusive of its day. */
    private static OffsetDateTime day(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            OffsetDateTime at = OffsetDateTime.parse(text);
            return end ? at.plusNanos(1000) : at;
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO date (YYYY-MM-DD)");
        }
    }
}
