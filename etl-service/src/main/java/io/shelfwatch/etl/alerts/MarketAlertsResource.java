package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.etl.ingest.ProductKeys;
import io.shelfwatch.etl.rest.InputPatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc A's market alert endpoints. `is_resolved` is a JSON boolean (DESIGN.md, deviations). */
@Path("/v1/etl/alerts")
public class MarketAlertsResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** Doc A's `PriceAlertResponse`. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PriceAlertResponse(
            @JsonProperty("id") String id,
            @JsonProperty("asin") String asin,
            @JsonProperty("alert_type") String alertType,
            @JsonProperty("severity") String severity,
            @JsonProperty("current_value") BigDecimal currentValue,
            @JsonProperty("previous_value") BigDecimal previousValue,
            @JsonProperty("change_percent") BigDecimal changePercent,
            @JsonProperty("message") String message,
            @JsonProperty("is_resolved") boolean isResolved,
            @JsonProperty("created_at") OffsetDateTime createdAt) {

        static PriceAlertResponse of(MarketAlert a) {
            return new PriceAlertResponse(a.id.toString(), a.asin, a.alertType, a.severity, a.currentValue,
                    a.previousValue, a.changePercent, a.message, a.resolved, a.createdAt);
        }
    }

    private final MarketAlertRepository alerts;
    private final MarketAlertService service;

    public MarketAlertsResource(MarketAlertRepository alerts, MarketAlertService service) {
        this.alerts = alerts;
        this.service = service;
    }

    @GET
    @Authenticated
    public Uni<List<PriceAlertResponse>> active(
            @RestQuery @Pattern(regexp = "\\s*[A-Za-z0-9]{10}\\s*", message = "must be a 10-character ASIN") String asin,
            @RestQuery @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return alerts.active(ProductKeys.normalizeAsin(asin), limit)
                .map(list -> list.stream().map(PriceAlertResponse::of).toList());
    }

    @POST
    @Path("/{alert_id}/resolve")
    @RolesAllowed("admin")
    public Uni<PriceAlertResponse> resolve(
            @RestPath("alert_id") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String alertId,
            @RestQuery("resolved_by") @Size(max = 200)
            @Pattern(regexp = InputPatterns.NO_NUL, message = InputPatterns.NO_NUL_MESSAGE) String resolvedBy) {
        return service.resolve(UUID.fromString(alertId), resolvedBy).map(alert -> {
            if (alert == null) {
                throw new NotFoundException("Alert not found");
            }
            return PriceAlertResponse.of(alert);
        });
    }

    @GET
    @Path("/summary")
    @Authenticated
    public Uni<Map<String, Object>> summary(@RestQuery @DefaultValue("7") @Min(1) @Max(365) int days) {
        return alerts.countsSince(OffsetDateTime.now(ZoneOffset.UTC).minusDays(days)).map(rows -> {
            Map<String, Long> byType = new TreeMap<>();
            Map<String, Long> bySeverity = new TreeMap<>();
            long total = 0;
            for (Object[] row : rows) {
                long count = ((Number) row[2]).longValue();
                byType.merge((String) row[0], count, Long::sum);
                bySeverity.merge((String) row[1], count, Long::sum);
                total += count;
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("days", days);
            summary.put("total_alerts", total);
            summary.put("by_type", byType);
            summary.put("by_severity", bySeverity);
            return summary;
        });
    }
}
