package io.shelfwatch.connector.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.client.AccessTokenSource;
import io.shelfwatch.connector.client.ReportDocumentDownloader.Downloaded;
import io.shelfwatch.connector.client.ReportsModels;
import io.shelfwatch.connector.client.ReportsModels.CreateReportSpecification;
import io.shelfwatch.connector.messaging.EventEnvelope;
import io.shelfwatch.connector.messaging.OutboxWriter;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.shelfwatch.connector.service.jobs.BackgroundJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A Brand Analytics Search Query Performance report, in the background: requested from Amazon,
 * polled until DONE, downloaded, and put on `sqp.reports` (through the outbox, in the
 * transaction that marks the activity completed) for etl-service's analytics.
 */
@ApplicationScoped
public class SqpReportJob implements BackgroundJob {

    public static final String ACTION = "sqp_report";
    public static final String TOPIC = "sqp.reports";
    public static final String TYPE = "sqp_report";
    /** The topic's and producer's record limit (contracts: 16 MB), less room for the key and headers. */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024 - 64 * 1024;

    /** What the activity asks for; marketplaceId is Amazon's id, dates `YYYY-MM-DD`. */
    public record SqpRequest(@JsonProperty("brand_id") UUID brandId,
            @JsonProperty("marketplace_id") String marketplaceId, @JsonProperty("period") String period,
            @JsonProperty("start_date") String startDate, @JsonProperty("end_date") String endDate,
            @JsonProperty("asins") List<String> asins) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SqpReportData(@JsonProperty("user_id") UUID userId, @JsonProperty("brand_id") UUID brandId,
            @JsonProperty("report_id") String reportId, @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("document_encoding") String documentEncoding, @JsonProperty("document") String document) {
    }

    private final ReportRunner reports;
    private final ActivityService activities;
    private final ConnectionService connections;
    private final OutboxWriter outbox;
    private final ObjectMapper json;

    public SqpReportJob(ReportRunner reports, ActivityService activities, ConnectionService connections,
            OutboxWriter outbox, ObjectMapper json) {
        this.reports = reports;
        this.activities = activities;
        this.connections = connections;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Uni<Void> run(Activity activity) {
        SqpRequest request = activities.read(activity.request, SqpRequest.class);
        Map<String, Object> progress = activity.progress == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(activities.read(activity.progress, Map.class));
        String resumedReport = (String) progress.get("report_id");
        CreateReportSpecification specification = new CreateReportSpecification(
                Map.of("reportPeriod", request.period(), "asin", String.join(" ", request.asins())),
                ReportsModels.SEARCH_QUERY_PERFORMANCE, request.startDate(), request.endDate(),
                List.of(request.marketplaceId()));
        AccessTokenSource tokens = connections.tokens(activity.userId);
        return activities.progress(activity.id, resumedReport == null ? "Requesting the report from Amazon"
                : "Resuming: waiting for Amazon's report " + resumedReport, progress)
                .flatMap(ignored -> reports.run(activity.userId, tokens, request.marketplaceId(), specification,
                        resumedReport, InventoryService.listener(activities, activity, progress)))
                .flatMap(report -> publish(activity, request, report));
    }

    private Uni<Void> publish(Activity activity, SqpRequest request, ReportRunner.FinishedReport report) {
        Downloaded document = report.document();
        JsonNode parsed;
        try {
            parsed = json.readTree(document.content());
        } catch (IOException e) {
            return activities.fail(activity.id, "Amazon's report document " + report.reportDocumentId()
                    + " is not JSON", Counts.NONE);
        }
        int records = parsed != null && parsed.path("dataByAsin").isArray() ? parsed.path("dataByAsin").size() : 0;
        byte[] gzip = document.gzip() ? document.raw() : gzip(document.content());
        String encoded = Base64.getEncoder().encodeToString(gzip);
        EventEnvelope<SqpReportData> envelope = EventEnvelope.of(TYPE, new SqpReportData(activity.userId,
                request.brandId(), report.reportId(), request.marketplaceId(), "gzip+base64", encoded));
        if (encoded.length() + 1024 > MAX_RECORD_BYTES) {
            return activities.fail(activity.id, "The report document is too large for sqp.reports ("
                    + gzip.length + " bytes compressed; the limit is 16 MB)", new Counts(records, 0, 0, records));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("report_id", report.reportId());
        result.put("report_document_id", report.reportDocumentId());
        result.put("brand_id", request.brandId());
        result.put("topic", TOPIC);
        result.put("event_id", envelope.eventId());
        result.put("document_bytes", document.content().length);
        result.put("compressed_bytes", gzip.length);
        result.put("records", records);
        return Panache.withTransaction(() -> outbox.add(TOPIC, request.brandId().toString(), envelope)
                .flatMap(ignored -> activities.complete(activity.id, "Search Query Performance report "
                        + report.reportId() + " published for brand " + request.brandId() + " (" + records
                        + " rows)", new Counts(records, records, 0, 0), result)));
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
