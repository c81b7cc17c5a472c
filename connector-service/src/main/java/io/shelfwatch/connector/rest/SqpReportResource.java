package io.shelfwatch.connector.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.service.ActivityService;
import io.shelfwatch.connector.service.ConnectionService;
import io.shelfwatch.connector.service.SqpReportJob;
import io.shelfwatch.connector.service.SqpReportJob.SqpRequest;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * `POST /api/brand-analytics/sqp-reports/`: asks Amazon for a brand's Search Query Performance
 * report in the background (202 with the activity to follow) and publishes it on `sqp.reports`.
 */
@Path("/api/brand-analytics/sqp-reports")
@Authenticated
public class SqpReportResource {

    private static final Pattern ASIN = Pattern.compile("[A-Z0-9]{10}");
    /** Amazon's `asin` report option: space-separated ASINs, at most 200 characters. */
    private static final int MAX_ASIN_OPTION = 200;

    public record SqpReportRequest(
            @NotNull UUID brandId,
            @NotBlank String marketplace,
            @NotBlank String period,
            @NotBlank String startDate,
            @NotBlank String endDate,
            @NotEmpty List<String> asins) {
    }

    public record Accepted(boolean success, @JsonProperty("activity_id") UUID activityId, String status,
            String brandId, String marketplaceId, String period, String startDate, String endDate,
            @JsonProperty("status_url") String statusUrl) {
    }

    private final ActivityService activities;
    private final AmazonConnectionRepository connections;
    private final JsonWebToken jwt;

    public SqpReportResource(ActivityService activities, AmazonConnectionRepository connections, JsonWebToken jwt) {
        this.activities = activities;
        this.connections = connections;
        this.jwt = jwt;
    }

    @POST
    public Uni<Response> request(@Valid @NotNull SqpReportRequest body) {
        String marketplaceId = Marketplaces.idOf(body.marketplace()).orElseThrow(() -> new BadRequestException(
                "marketplace must be one of " + String.join(", ", Marketplaces.BY_CODE.keySet())
                        + " or their marketplace ids"));
        String period = body.period().trim().toUpperCase(Locale.ROOT);
        LocalDate start = date("startDate", body.startDate());
        LocalDate end = date("endDate", body.endDate());
        checkOnePeriod(period, start, end);
        List<String> asins = asins(body.asins());
        UUID user = UUID.fromString(jwt.getSubject());
        SqpRequest request = new SqpRequest(body.brandId(), marketplaceId, period, start.toString(), end.toString(),
                asins);
        // The report runs after this request: only a stored connection can be used then.
        return connections.findById(user)
                .onItem().ifNull().failWith(() -> new BadRequestException(ConnectionService.NOT_CONNECTED))
                .flatMap(connection -> activities.enqueue(user, ActivityService.REPORTS, SqpReportJob.ACTION,
                        marketplaceId, "Search Query Performance report (" + period + " " + start + " to " + end
                                + ") for brand " + body.brandId(),
                        request))
                .map(activity -> Response.status(202).entity(new Accepted(true, activity.id, activity.status,
                        body.brandId().toString(), marketplaceId, period, start.toString(), end.toString(),
                        "/api/activities/" + activity.id + "/")).build());
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " must be a date YYYY-MM-DD");
        }
    }

    /** Amazon: a request covers exactly one WEEK (Sunday–Saturday), MONTH or QUARTER, and not the future. */
    static void checkOnePeriod(String period, LocalDate start, LocalDate end) {
        LocalDate expectedEnd = switch (period) {
            case "WEEK" -> {
                if (start.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw new BadRequestException("For WEEK, startDate must be a Sunday");
                }
                yield start.plusDays(6);
            }
            case "MONTH" -> {
                if (start.getDayOfMonth() != 1) {
                    throw new BadRequestException("For MONTH, startDate must be the first day of a month");
                }
                yield start.with(TemporalAdjusters.lastDayOfMonth());
            }
            case "QUARTER" -> {
                if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % 3 != 0) {
                    throw new BadRequestException("For QUARTER, startDate must be the first day of a quarter");
                }
                yield start.plusMonths(3).minusDays(1);
            }
            default -> throw new BadRequestException("period must be WEEK, MONTH or QUARTER");
        };
        if (!end.equals(expectedEnd)) {
            throw new BadRequestException("A report covers exactly one " + period + ": endDate must be "
                    + expectedEnd);
        }
        if (!end.isBefore(LocalDate.now())) {
            throw new BadRequestException("endDate must be in the past");
        }
    }

    private static List<String> asins(List<String> given) {
        List<String> asins = new ArrayList<>();
        for (String value : given) {
            String asin = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (!ASIN.matcher(asin).matches()) {
                throw new BadRequestException("asins must be ASINs (10 letters or digits); '" + value + "' is not");
            }
            if (!asins.contains(asin)) {
                asins.add(asin);
            }
        }
        if (String.join(" ", asins).length() > MAX_ASIN_OPTION) {
            throw new BadRequestException("asins: Amazon accepts at most 18 ASINs (200 characters) per report");
        }
        return asins;
    }
}
