package io.shelfwatch.connector.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.client.AccessTokenSource;
import io.shelfwatch.connector.client.ReportsModels;
import io.shelfwatch.connector.client.ReportsModels.CreateReportSpecification;
import io.shelfwatch.connector.mapping.InventoryReportParser;
import io.shelfwatch.connector.mapping.InventoryReportParser.Parsed;
import io.shelfwatch.connector.repository.InventoryStore;
import io.shelfwatch.connector.rest.Marketplaces;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Doc B's inventory reports: yesterday's `GET_FBA_MYI_ALL_INVENTORY_DATA` for each marketplace,
 * one after another, each an activity of its own; the TSV's rows and a CSV of it are stored.
 */
@ApplicationScoped
public class InventoryService {

    public record InventoryAnswer(boolean success,
            @JsonProperty("report_type") String reportType,
            Map<String, Map<String, Object>> results,
            Map<String, Integer> summary) {
    }

    private final ReportRunner reports;
    private final ActivityService activities;
    private final InventoryStore store;

    public InventoryService(ReportRunner reports, ActivityService activities, InventoryStore store) {
        this.reports = reports;
        this.activities = activities;
        this.store = store;
    }

    /** @param codes marketplace codes (IT, DE, UK), already validated */
    public Uni<InventoryAnswer> fetchYesterday(UUID userId, AccessTokenSource tokens, List<String> codes) {
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        return Multi.createFrom().iterable(codes).onItem()
                .transformToUniAndConcatenate(code -> one(userId, tokens, code)
                        .invoke(result -> results.put(code, result)))
                .collect().last()
                .map(ignored -> {
                    int succeeded = (int) results.values().stream().filter(r -> Boolean.TRUE.equals(r.get("success")))
                            .count();
                    if (succeeded == 0) {
                        throw MarketplaceResult.allFailed("The inventory report", results);
                    }
                    Map<String, Integer> summary = new LinkedHashMap<>();
                    summary.put("requested", codes.size());
                    summary.put("succeeded", succeeded);
                    summary.put("failed", codes.size() - succeeded);
                    return new InventoryAnswer(succeeded == codes.size(), ReportsModels.FBA_INVENTORY, results,
                            summary);
                });
    }

    private Uni<Map<String, Object>> one(UUID userId, AccessTokenSource tokens, String code) {
        String marketplaceId = Marketplaces.BY_CODE.get(code);
        ZoneId zone = Marketplaces.zoneOf(marketplaceId);
        LocalDate day = LocalDate.now(zone).minusDays(1);
        OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).minusSeconds(1).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        CreateReportSpecification specification = new CreateReportSpecification(null, ReportsModels.FBA_INVENTORY,
                start.toInstant().toString(), end.toInstant().toString(), List.of(marketplaceId));
        long began = System.nanoTime();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("marketplace", code);
        base.put("marketplace_id", marketplaceId);
        base.put("report_date", day.toString());
        return activities.start(userId, ActivityService.REPORTS, "inventory_report", marketplaceId,
                "Inventory report " + ReportsModels.FBA_INVENTORY + " for " + day + " (" + code + ")")
                .flatMap(activity -> {
                    base.put("activity_id", activity.id);
                    return reports.run(userId, tokens, marketplaceId, specification, null, listener(activities, activity, new LinkedHashMap<>()))
                            .flatMap(report -> {
                                Parsed parsed = InventoryReportParser.parse(report.document().content());
                                String csv = InventoryReportParser.csv(parsed);
                                return Panache.withTransaction(() -> store.replace(userId, activity.id, marketplaceId,
                                        day, report.reportId(), report.reportDocumentId(), parsed.rows(), csv,
                                        OffsetDateTime.now(ZoneOffset.UTC)))
                                        .flatMap(saved -> {
                                            int rows = parsed.rows().size();
                                            Map<String, Object> result = new LinkedHashMap<>(base);
                                            result.put("success", true);
                                            result.put("report_id", report.reportId());
                                            result.put("report_document_id", report.reportDocumentId());
                                            result.put("compression", report.document().gzip() ? "GZIP" : null);
                                            result.put("rows", rows);
                                            result.put("columns", parsed.header());
                                            result.put("persistence", Map.of(
                                                    "database", Map.of("success", true, "rows_saved", rows,
                                                            "replaced_previous", saved.replaced()),
                                                    "csv", Map.of("success", true, "inventory_report_id", saved.id(),
                                                            "bytes", csv.length())));
                                            result.put("duration_ms", (System.nanoTime() - began) / 1_000_000);
                                            Counts counts = saved.replaced() ? new Counts(rows, 0, rows, 0)
                                                    : new Counts(rows, rows, 0, 0);
                                            return activities.complete(activity.id, "Inventory report for " + day
                                                    + " (" + code + "): " + rows + " rows stored", counts, result)
                                                    .replaceWith(result);
                                        });
                            })
                            .onFailure().recoverWithUni(failure -> {
                                Map<String, Object> result = MarketplaceResult.failure(base, failure);
                                result.put("duration_ms", (System.nanoTime() - began) / 1_000_000);
                                boolean cancelled = failure instanceof io.shelfwatch.connector.client.ReportFailedException r
                                        && "CANCELLED".equals(r.processingStatus());
                                Uni<Void> recorded = cancelled
                                        ? activities.cancel(activity.id, ActivityService.messageOf(failure))
                                        : activities.fail(activity.id, ActivityService.messageOf(failure), Counts.NONE);
                                return recorded.replaceWith(result);
                            });
                });
    }

    /** Records the report id and Amazon's processing status on the activity as they come. */
    static ReportRunner.Listener listener(ActivityService activities, Activity activity,
            Map<String, Object> progress) {
        return new ReportRunner.Listener() {
            @Override
            public Uni<Void> created(String reportId) {
                progress.put("report_id", reportId);
                return activities.progress(activity.id, null, progress);
            }

            @Override
            public Uni<Void> status(String processingStatus) {
                progress.put("processing_status", processingStatus);
                return activities.progress(activity.id, null, progress);
            }
        };
    }
}
