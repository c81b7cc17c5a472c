package io.shelfwatch.connector.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Reports API 2021-06-30's request and response bodies, field names as in reports_2021-06-30.json. */
public final class ReportsModels {

    /** The report types this service requests. */
    public static final String FBA_INVENTORY = "GET_FBA_MYI_ALL_INVENTORY_DATA";
    public static final String SEARCH_QUERY_PERFORMANCE = "GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT";

    /** `ReportSchedule.period`'s enum. */
    public static final List<String> PERIODS = List.of("PT5M", "PT15M", "PT30M", "PT1H", "PT2H", "PT4H", "PT8H",
            "PT12H", "P1D", "P2D", "P3D", "PT84H", "P7D", "P14D", "P15D", "P18D", "P30D", "P1M");

    private ReportsModels() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateReportSpecification(Map<String, String> reportOptions, String reportType,
            String dataStartTime, String dataEndTime, List<String> marketplaceIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateReportResponse(String reportId) {
    }

    /** `processingStatus`: IN_QUEUE, IN_PROGRESS, DONE, CANCELLED or FATAL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(List<String> marketplaceIds, String reportId, String reportType, String dataStartTime,
            String dataEndTime, String reportScheduleId, String createdTime, String processingStatus,
            String processingStartTime, String processingEndTime, String reportDocumentId) {

        public boolean finished() {
            return "DONE".equals(processingStatus) || "CANCELLED".equals(processingStatus)
                    || "FATAL".equals(processingStatus);
        }
    }

    /** `compressionAlgorithm` is `GZIP` or absent (a plain document). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportDocument(String reportDocumentId, String url, String compressionAlgorithm) {

        public boolean gzip() {
            return "GZIP".equalsIgnoreCase(compressionAlgorithm);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateReportScheduleSpecification(String reportType, List<String> marketplaceIds,
            Map<String, String> reportOptions, String period, String nextReportCreationTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateReportScheduleResponse(String reportScheduleId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReportSchedule(String reportScheduleId, String reportType, List<String> marketplaceIds,
            Map<String, String> reportOptions, String period, String nextReportCreationTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportScheduleList(List<ReportSchedule> reportSchedules) {
    }
}
