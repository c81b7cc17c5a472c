package io.shelfwatch.connector.service;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shelfwatch.connector.client.ReportFailedException;
import io.shelfwatch.connector.client.SpApiException;
import io.shelfwatch.connector.client.LwaClient.LwaException;
import jakarta.ws.rs.WebApplicationException;

/** How one marketplace of a multi-marketplace operation ended, in doc B's "results keyed by marketplace". */
public final class MarketplaceResult {

    private MarketplaceResult() {
    }

    /** The HTTP status doc B gives a failure: Amazon's 4xx as 400, a timeout as 408, else ours (502, 503). */
    public static int statusOf(Throwable failure) {
        if (failure instanceof SpApiException spApi) {
            int status = spApi.status();
            return status == 504 ? 408 : status >= 400 && status < 500 ? 400 : status;
        }
        if (failure instanceof LwaException lwa) {
            return lwa.status() >= 400 && lwa.status() < 500 ? 400 : 502;
        }
        if (failure instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        return 500;
    }

    /** `{"success": false, "error": …, "status_code": …, "details": {operation, amazon_status, errors, …}}`. */
    public static Map<String, Object> failure(Map<String, Object> base, Throwable failure) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        result.put("success", false);
        result.put("error", ActivityService.messageOf(failure));
        result.put("status_code", statusOf(failure));
        if (failure instanceof SpApiException spApi) {
            result.put("details", details(spApi));
        }
        return result;
    }

    public static Map<String, Object> details(SpApiException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", e.operation());
        details.put("amazon_status", e instanceof ReportFailedException ? null : e.status());
        details.put("errors", e.errors());
        if (e instanceof ReportFailedException report) {
            details.put("report_id", report.reportId());
            details.put("processing_status", report.processingStatus());
        }
        return details;
    }

    /** The answer when every marketplace failed: the first failure's status, all results as details. */
    public static OperationFailedException allFailed(String what, Map<String, Map<String, Object>> results) {
        int status = results.values().stream().map(r -> (Integer) r.get("status_code")).filter(s -> s != null)
                .findFirst().orElse(502);
        return new OperationFailedException(status, what + " failed for every marketplace", results);
    }
}
