package io.shelfwatch.connector.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shelfwatch.connector.client.AccessTokenSource;
import io.shelfwatch.connector.client.ReportsApi;
import io.shelfwatch.connector.client.ReportsModels.CreateReportScheduleResponse;
import io.shelfwatch.connector.client.ReportsModels.CreateReportScheduleSpecification;
import io.shelfwatch.connector.client.ReportsModels.ReportSchedule;
import io.shelfwatch.connector.client.ReportsModels.ReportScheduleList;
import io.shelfwatch.connector.client.SpApiCaller;
import io.shelfwatch.connector.client.SpApiEndpoints;
import io.shelfwatch.connector.client.SpApiException;
import io.shelfwatch.connector.client.SpApiOperation;
import io.shelfwatch.connector.rest.Marketplaces;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.shelfwatch.connector.service.ActivityService.Outcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/** Amazon report schedules (Reports API 2021-06-30): create per marketplace, list, cancel. */
@ApplicationScoped
public class ReportScheduleService {

    /** A schedule as doc B's clients read it. */
    public record Schedule(String reportScheduleId, String reportType, List<String> marketplaceIds,
            Map<String, String> reportOptions, String period, String nextReportCreationTime) {

        static Schedule of(ReportSchedule s) {
            return new Schedule(s.reportScheduleId(), s.reportType(),
                    s.marketplaceIds() == null ? List.of() : s.marketplaceIds(),
                    s.reportOptions() == null ? Map.of() : s.reportOptions(), s.period(), s.nextReportCreationTime());
        }
    }

    /** What to schedule; `period` is already one of Amazon's values, the time already UTC. */
    public record ScheduleSpec(String reportType, String period, String nextReportCreationTime,
            Map<String, String> reportOptions) {
    }

    private final SpApiCaller caller;
    private final SpApiEndpoints endpoints;
    private final ActivityService activities;

    public ReportScheduleService(SpApiCaller caller, SpApiEndpoints endpoints, ActivityService activities) {
        this.caller = caller;
        this.endpoints = endpoints;
        this.activities = activities;
    }

    /** One `createReportSchedule` per marketplace; results keyed by code, each a schedule or an error. */
    public Uni<Map<String, Map<String, Object>>> create(UUID userId, AccessTokenSource tokens, ScheduleSpec spec,
            List<String> codes) {
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        return Multi.createFrom().iterable(codes).onItem().transformToUniAndConcatenate(code -> {
            String marketplaceId = Marketplaces.BY_CODE.get(code);
            ReportsApi api = endpoints.reports(marketplaceId);
            CreateReportScheduleSpecification body = new CreateReportScheduleSpecification(spec.reportType(),
                    List.of(marketplaceId), spec.reportOptions() == null || spec.reportOptions().isEmpty() ? null
                            : spec.reportOptions(),
                    spec.period(), spec.nextReportCreationTime());
            Map<String, Object> base = new LinkedHashMap<>();
            base.put("marketplace", code);
            base.put("marketplace_id", marketplaceId);
            long began = System.nanoTime();
            return activities.record(userId, ActivityService.SCHEDULES, "schedule_create", marketplaceId,
                    "Report schedule " + spec.reportType() + " every " + spec.period() + " (" + code + ")",
                    () -> caller.call(userId.toString(), SpApiOperation.CREATE_REPORT_SCHEDULE, tokens,
                            token -> api.createReportSchedule(token, body), CreateReportScheduleResponse.class),
                    created -> new Outcome("Report schedule " + created.reportScheduleId() + " created ("
                            + code + ")", new Counts(1, 1, 0, 0), Map.of("reportScheduleId",
                                    created.reportScheduleId())))
                    .map(created -> {
                        Map<String, Object> result = new LinkedHashMap<>(base);
                        result.put("success", true);
                        result.put("reportScheduleId", created.reportScheduleId());
                        result.put("reportType", spec.reportType());
                        result.put("period", spec.period());
                        result.put("nextReportCreationTime", spec.nextReportCreationTime());
                        result.put("reportOptions", spec.reportOptions() == null ? Map.of() : spec.reportOptions());
                        result.put("duration_ms", (System.nanoTime() - began) / 1_000_000);
                        return result;
                    })
                    .onFailure().recoverWithItem(failure -> MarketplaceResult.failure(base, failure))
                    .invoke(result -> results.put(code, result));
        }).collect().last().map(ignored -> {
            if (results.values().stream().noneMatch(r -> Boolean.TRUE.equals(r.get("success")))) {
                throw MarketplaceResult.allFailed("Creating the report schedule", results);
            }
            return results;
        });
    }

    /**
     * `getReportSchedules` once per regional endpoint, then each marketplace's schedules (those
     * naming it, and those naming no marketplace), at most `pageSize` each.
     */
    public Uni<Map<String, Map<String, Object>>> list(UUID userId, AccessTokenSource tokens, List<String> codes,
            List<String> reportTypes, int pageSize) {
        Map<String, Uni<List<ReportSchedule>>> byEndpoint = new LinkedHashMap<>();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        String types = String.join(",", reportTypes);
        return Multi.createFrom().iterable(codes).onItem().transformToUniAndConcatenate(code -> {
            String marketplaceId = Marketplaces.BY_CODE.get(code);
            String endpoint = endpoints.endpointFor(marketplaceId);
            Uni<List<ReportSchedule>> all = byEndpoint.computeIfAbsent(endpoint, e -> caller.call(userId.toString(),
                    SpApiOperation.GET_REPORT_SCHEDULES, tokens,
                    token -> endpoints.reports(marketplaceId).getReportSchedules(token, types),
                    ReportScheduleList.class)
                    .map(list -> list == null || list.reportSchedules() == null ? List.<ReportSchedule>of()
                            : list.reportSchedules())
                    .memoize().indefinitely());
            Map<String, Object> base = new LinkedHashMap<>();
            base.put("marketplace", code);
            base.put("marketplace_id", marketplaceId);
            return all.map(schedules -> {
                List<Schedule> mine = new ArrayList<>();
                for (ReportSchedule s : schedules) {
                    if ((s.marketplaceIds() == null || s.marketplaceIds().isEmpty()
                            || s.marketplaceIds().contains(marketplaceId)) && mine.size() < pageSize) {
                        mine.add(Schedule.of(s));
                    }
                }
                Map<String, Object> result = new LinkedHashMap<>(base);
                result.put("success", true);
                result.put("count", mine.size());
                result.put("reportSchedules", mine);
                return result;
            }).onFailure().recoverWithItem(failure -> MarketplaceResult.failure(base, failure))
                    .invoke(result -> results.put(code, result));
        }).collect().last().map(ignored -> {
            if (results.values().stream().noneMatch(r -> Boolean.TRUE.equals(r.get("success")))) {
                throw MarketplaceResult.allFailed("Listing report schedules", results);
            }
            return results;
        });
    }

    /** Cancels a schedule; Amazon not knowing it is a 404 for the caller. */
    public Uni<Map<String, Object>> cancel(UUID userId, AccessTokenSource tokens, String reportScheduleId,
            String code) {
        String marketplaceId = Marketplaces.BY_CODE.get(code);
        long began = System.nanoTime();
        return activities.record(userId, ActivityService.SCHEDULES, "schedule_cancel", marketplaceId,
                "Cancel report schedule " + reportScheduleId,
                () -> caller.call(userId.toString(), SpApiOperation.CANCEL_REPORT_SCHEDULE, tokens,
                        token -> endpoints.reports(marketplaceId).cancelReportSchedule(token, reportScheduleId),
                        String.class),
                ignored -> new Outcome("Report schedule " + reportScheduleId + " cancelled", new Counts(1, 0, 1, 0),
                        null))
                .map(ignored -> {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("success", true);
                    result.put("reportScheduleId", reportScheduleId);
                    result.put("marketplace", code);
                    result.put("status_code", 200);
                    result.put("duration_ms", (System.nanoTime() - began) / 1_000_000);
                    return result;
                })
                .onFailure(SpApiException.class).transform(failure -> ((SpApiException) failure).status() == 404
                        ? new NotFoundException("Report schedule " + reportScheduleId + " not found")
                        : failure);
    }
}
