package io.shelfwatch.connector.rest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.client.ReportsModels;
import io.shelfwatch.connector.service.OrderFetchService;
import io.shelfwatch.connector.service.ReportScheduleService;
import io.shelfwatch.connector.service.ReportScheduleService.ScheduleSpec;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc B's report schedules: create for each marketplace, list, cancel. */
@Path("/api/inventory/report-schedules")
@Authenticated
public class ReportScheduleResource {

    private static final Pattern REPORT_TYPE = Pattern.compile("[A-Z0-9_]{3,120}");
    private static final Pattern SCHEDULE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    /** Doc B's own period values that are not Amazon's, and the Amazon value they mean. */
    private static final Map<String, String> PERIOD_ALIASES = Map.of("PT24H", "P1D", "PT48H", "P2D", "PT72H", "P3D",
            "P1W", "P7D", "P2W", "P14D");

    public record ScheduleRequest(String reportType, String period, String nextReportCreationTime, String timeZone,
            Map<String, String> reportOptions, List<String> marketplaces) {
    }

    private final ReportScheduleService schedules;
    private final OrderFetchService fetcher;
    private final JsonWebToken jwt;

    public ReportScheduleResource(ReportScheduleService schedules, OrderFetchService fetcher, JsonWebToken jwt) {
        this.schedules = schedules;
        this.fetcher = fetcher;
        this.jwt = jwt;
    }

    @POST
    public Uni<Map<String, Object>> create(ScheduleRequest request) {
        if (request == null) {
            throw new BadRequestException("A JSON body with reportType and period is required");
        }
        String reportType = reportType(request.reportType());
        String period = period(request.period());
        String next = nextCreationTime(request.nextReportCreationTime(), request.timeZone());
        List<String> codes = InventoryResource.codes(request.marketplaces());
        ScheduleSpec spec = new ScheduleSpec(reportType, period, next, request.reportOptions());
        UUID user = user();
        return fetcher.tokensFor(user, null).flatMap(tokens -> schedules.create(user, tokens, spec, codes))
                .map(results -> answer(results));
    }

    @GET
    @Path("/list")
    public Uni<Map<String, Object>> list(@RestQuery("marketplaces") String marketplaces,
            @RestQuery("reportTypes") String reportTypes,
            @RestQuery("pageSize") @DefaultValue("100") @Min(1) @Max(100) int size) {
        List<String> codes = InventoryResource.codes(split(marketplaces));
        List<String> types = split(reportTypes);
        if (types == null || types.isEmpty()) {
            types = List.of(ReportsModels.FBA_INVENTORY);
        }
        types = types.stream().map(ReportScheduleResource::reportType).distinct().toList();
        if (types.size() > 10) {
            throw new BadRequestException("reportTypes may name at most 10 report types");
        }
        UUID user = user();
        List<String> wanted = types;
        return fetcher.tokensFor(user, null).flatMap(tokens -> schedules.list(user, tokens, codes, wanted, size))
                .map(results -> {
                    Map<String, Object> answer = answer(results);
                    answer.put("reportTypes", wanted);
                    answer.put("pageSize", size);
                    return answer;
                });
    }

    @DELETE
    @Path("/{report_schedule_id}")
    public Uni<Map<String, Object>> cancel(@RestPath("report_schedule_id") String reportScheduleId,
            @RestQuery("marketplace") String marketplace) {
        if (!SCHEDULE_ID.matcher(reportScheduleId).matches()) {
            throw new BadRequestException("report_schedule_id is not a valid schedule id");
        }
        String code = marketplace == null || marketplace.isBlank() ? Marketplaces.INVENTORY_CODES.get(0)
                : InventoryResource.codes(List.of(marketplace)).get(0);
        UUID user = user();
        return fetcher.tokensFor(user, null).flatMap(tokens -> schedules.cancel(user, tokens, reportScheduleId, code));
    }

    private static Map<String, Object> answer(Map<String, Map<String, Object>> results) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", results.values().stream().allMatch(r -> Boolean.TRUE.equals(r.get("success"))));
        answer.put("results", results);
        return answer;
    }

    private static String reportType(String value) {
        String type = value == null || value.isBlank() ? ReportsModels.FBA_INVENTORY : value.trim();
        if (!REPORT_TYPE.matcher(type).matches()) {
            throw new BadRequestException("reportType must be an Amazon report type such as "
                    + ReportsModels.FBA_INVENTORY);
        }
        return type;
    }

    /** Amazon's ISO-8601 periods; doc B's `PT24H` is read as `P1D`. */
    static String period(String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("period is required, one of " + String.join(", ", ReportsModels.PERIODS));
        }
        String period = value.trim().toUpperCase(Locale.ROOT);
        period = PERIOD_ALIASES.getOrDefault(period, period);
        if (!ReportsModels.PERIODS.contains(period)) {
            throw new BadRequestException("period must be one of " + String.join(", ", ReportsModels.PERIODS)
                    + " (PT24H is read as P1D)");
        }
        return period;
    }

    /** With an offset: as given; without one: a local time in `timeZone` (UTC when absent). Sent in UTC. */
    static String nextCreationTime(String value, String timeZone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new BadRequestException("timeZone must be an IANA time zone such as Europe/Rome");
        }
        String text = value.trim();
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new BadRequestException("nextReportCreationTime must be an ISO date-time such as "
                        + "2025-08-12T00:23:00");
            }
        }
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toInstant().toString();
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private UUID user() {
        return UUID.fromString(jwt.getSubject());
    }
}
