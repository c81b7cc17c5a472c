package io.shelfwatch.connector.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.shelfwatch.connector.client.AccessTokenSource;
import io.shelfwatch.connector.client.OrdersV0Models;
import io.shelfwatch.connector.client.ReportDocumentDownloader;
import io.shelfwatch.connector.client.ReportDocumentDownloader.Downloaded;
import io.shelfwatch.connector.client.ReportFailedException;
import io.shelfwatch.connector.client.ReportsApi;
import io.shelfwatch.connector.client.ReportsModels.CreateReportResponse;
import io.shelfwatch.connector.client.ReportsModels.CreateReportSpecification;
import io.shelfwatch.connector.client.ReportsModels.Report;
import io.shelfwatch.connector.client.ReportsModels.ReportDocument;
import io.shelfwatch.connector.client.SpApiCaller;
import io.shelfwatch.connector.client.SpApiEndpoints;
import io.shelfwatch.connector.client.SpApiOperation;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Amazon's report workflow (Reports API 2021-06-30): `createReport`, `getReport` until the
 * report is DONE, `getReportDocument`, and the download. Every call goes through
 * {@link SpApiCaller}, so each keeps its operation's rate limit, retries and breaker.
 */
@ApplicationScoped
public class ReportRunner {

    private static final Logger LOG = Logger.getLogger(ReportRunner.class);
    /** How much of Amazon's error document a failure passes on. */
    private static final int ERROR_DOCUMENT_CHARS = 500;

    /** What a finished report gave. */
    public record FinishedReport(String reportId, String reportDocumentId, Downloaded document) {
    }

    /** Told of a report's progress, so a caller can record it (and resume from it after a restart). */
    public interface Listener {
        Uni<Void> created(String reportId);

        Uni<Void> status(String processingStatus);

        Listener NONE = new Listener() {
            @Override
            public Uni<Void> created(String reportId) {
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<Void> status(String processingStatus) {
                return Uni.createFrom().voidItem();
            }
        };
    }

    private final SpApiCaller caller;
    private final SpApiEndpoints endpoints;
    private final ReportDocumentDownloader downloader;
    private final ConnectorConfig config;

    public ReportRunner(SpApiCaller caller, SpApiEndpoints endpoints, ReportDocumentDownloader downloader,
            ConnectorConfig config) {
        this.caller = caller;
        this.endpoints = endpoints;
        this.downloader = downloader;
        this.config = config;
    }

    /**
     * @param existingReportId a report requested earlier (a resumed job): polled instead of requesting a new one
     */
    public Uni<FinishedReport> run(UUID userId, AccessTokenSource tokens, String marketplaceId,
            CreateReportSpecification specification, String existingReportId, Listener listener) {
        ReportsApi api = endpoints.reports(marketplaceId);
        String bucket = userId.toString();
        Uni<String> reportId = existingReportId != null ? Uni.createFrom().item(existingReportId)
                : caller.call(bucket, SpApiOperation.CREATE_REPORT, tokens,
                        token -> api.createReport(token, specification), CreateReportResponse.class)
                        .map(created -> {
                            if (created == null || created.reportId() == null || created.reportId().isBlank()) {
                                throw new ReportFailedException(null, null, "Amazon's createReport gave no reportId",
                                        null);
                            }
                            return created.reportId();
                        })
                        .call(listener::created);
        Instant giveUpAt = Instant.now().plus(config.spApi().reportMaxWait());
        return reportId.flatMap(id -> poll(api, bucket, tokens, id, giveUpAt, listener, null, true))
                .flatMap(report -> finish(api, bucket, tokens, report));
    }

    /** Reads a document Amazon already made (a scheduled report's, or a FATAL report's error document). */
    public Uni<Downloaded> document(UUID userId, AccessTokenSource tokens, String marketplaceId,
            String reportDocumentId) {
        ReportsApi api = endpoints.reports(marketplaceId);
        return caller.call(userId.toString(), SpApiOperation.GET_REPORT_DOCUMENT, tokens,
                token -> api.getReportDocument(token, reportDocumentId), ReportDocument.class)
                .flatMap(downloader::download);
    }

    private Uni<Report> poll(ReportsApi api, String bucket, AccessTokenSource tokens, String reportId,
            Instant giveUpAt, Listener listener, String lastStatus, boolean first) {
        java.util.concurrent.Executor back = io.shelfwatch.connector.client.ContextExecutor.current();
        Uni<Void> pause = first ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(config.spApi().reportPollInterval()).emitOn(back);
        return pause.flatMap(ignored -> caller.call(bucket, SpApiOperation.GET_REPORT, tokens,
                token -> api.getReport(token, reportId), Report.class))
                .flatMap(report -> {
                    String status = report == null ? null : report.processingStatus();
                    Uni<Void> told = status != null && !status.equals(lastStatus) ? listener.status(status)
                            : Uni.createFrom().voidItem();
                    if (report != null && report.finished()) {
                        return told.replaceWith(report);
                    }
                    if (Instant.now().plus(config.spApi().reportPollInterval()).isAfter(giveUpAt)) {
                        return told.flatMap(ignored -> Uni.createFrom().failure(new ReportFailedException(reportId,
                                status, "Amazon's report " + reportId + " was still " + status + " after "
                                        + config.spApi().reportMaxWait().toMinutes() + " minutes",
                                null)));
                    }
                    return told.flatMap(ignored -> poll(api, bucket, tokens, reportId, giveUpAt, listener, status,
                            false));
                });
    }

    private Uni<FinishedReport> finish(ReportsApi api, String bucket, AccessTokenSource tokens, Report report) {
        String status = report.processingStatus();
        if ("DONE".equals(status)) {
            if (report.reportDocumentId() == null) {
                return Uni.createFrom().failure(new ReportFailedException(report.reportId(), status,
                        "Amazon's report " + report.reportId() + " is DONE but has no document", null));
            }
            return documentOf(api, bucket, tokens, report.reportDocumentId())
                    .map(document -> new FinishedReport(report.reportId(), report.reportDocumentId(), document));
        }
        if ("CANCELLED".equals(status)) {
            return Uni.createFrom().failure(new ReportFailedException(report.reportId(), status,
                    "Amazon cancelled report " + report.reportId() + " (no data for the period)", null));
        }
        // FATAL: Amazon may explain why in an error document.
        Uni<List<OrdersV0Models.Error>> reason = report.reportDocumentId() == null
                ? Uni.createFrom().item(List.of())
                : documentOf(api, bucket, tokens, report.reportDocumentId())
                        .map(document -> List.of(new OrdersV0Models.Error("FATAL", errorText(document), null)))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.debugf("error document of report %s unreadable", report.reportId());
                            return List.of();
                        });
        return reason.flatMap(errors -> Uni.createFrom().failure(new ReportFailedException(report.reportId(),
                status, "Amazon could not produce report " + report.reportId() + " (FATAL)", errors)));
    }

    private Uni<Downloaded> documentOf(ReportsApi api, String bucket, AccessTokenSource tokens, String documentId) {
        return caller.call(bucket, SpApiOperation.GET_REPORT_DOCUMENT, tokens,
                token -> api.getReportDocument(token, documentId), ReportDocument.class)
                .flatMap(downloader::download);
    }

    private static String errorText(Downloaded document) {
        String text = new String(document.content(), StandardCharsets.UTF_8).strip();
        return text.length() > ERROR_DOCUMENT_CHARS ? text.substring(0, ERROR_DOCUMENT_CHARS) + "…" : text;
    }
}
