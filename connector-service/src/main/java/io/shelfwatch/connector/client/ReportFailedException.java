package io.shelfwatch.connector.client;

import java.util.List;

/**
 * Amazon finished a report without a document: `FATAL` (it failed; Amazon's reason, when it
 * gave one in an error document, is in the errors) or `CANCELLED` (no data for the period, or
 * cancelled), or it was still not done when our patience ran out.
 */
public class ReportFailedException extends SpApiException {

    private final String reportId;
    private final String processingStatus;

    public ReportFailedException(String reportId, String processingStatus, String message,
            List<OrdersV0Models.Error> errors) {
        super(502, "getReport", message, errors);
        this.reportId = reportId;
        this.processingStatus = processingStatus;
    }

    public String reportId() {
        return reportId;
    }

    public String processingStatus() {
        return processingStatus;
    }
}
