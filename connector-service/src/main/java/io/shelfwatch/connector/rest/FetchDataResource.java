package io.shelfwatch.connector.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.service.OrderFetchService;
import io.shelfwatch.connector.service.OrderFetchService.FetchPlan;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.service.ActivityService;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.shelfwatch.connector.service.ActivityService.Outcome;
import io.shelfwatch.connector.service.ConnectionService;
import io.shelfwatch.connector.service.FetchDataJob;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc B's `POST /api/fetch-data/`: a marketplace's orders and their items for at most 30 days. */
@Path("/api/fetch-data")
@Authenticated
public class FetchDataResource {

    static final Duration MAX_SPAN = Duration.ofDays(30);
    /** Amazon refuses a `CreatedBefore` later than two minutes before now. */
    static final Duration AMAZON_LAG = Duration.ofMinutes(2);
    static final String UK = "A1F83G8C2ARO7P";

    public record FetchDataRequest(
            /** Used only when the caller has no stored connection; never stored or logged. */
            @JsonProperty("access_token") String accessToken,
            @NotBlank @Pattern(regexp = Marketplaces.ID_PATTERN, message = "must be one of the marketplace ids doc B lists")
            @JsonProperty("marketplace_id") String marketplaceId,
            @NotBlank @JsonProperty("start_date") String startDate,
            @NotBlank @JsonProperty("end_date") String endDate,
            @Positive @JsonProperty("max_orders") Integer maxOrders,
            @JsonProperty("auto_save") Boolean autoSave,
            /** Answer 202 with the activity at once and fetch in the background (needs a stored connection). */
            @JsonProperty("background") Boolean background) {

        @Override
        public String toString() {
            return "FetchDataRequest[marketplace_id=" + marketplaceId + ", start_date=" + startDate + ", end_date="
                    + endDate + "]";
        }
    }

    private final OrderFetchService fetcher;
    private final JsonWebToken jwt;
    private final ActivityService activities;
    private final AmazonConnectionRepository connections;

    public FetchDataResource(OrderFetchService fetcher, JsonWebToken jwt, ActivityService activities,
            AmazonConnectionRepository connections) {
        this.activities = activities;
        this.connections = connections;
        this.fetcher = fetcher;
        this.jwt = jwt;
    }

    @POST
    public Uni<Response> fetch(@Valid @NotNull FetchDataRequest request) {
        FetchPlan plan = plan(request, Instant.now());
        UUID user = UUID.fromString(jwt.getSubject());
        String detail = "Orders of " + plan.marketplaceId() + " from " + plan.createdAfter() + " to "
                + plan.createdBefore();
        if (Boolean.TRUE.equals(request.background())) {
            // The fetch runs after this request: only a stored connection can be used then.
            return connections.findById(user)
                    .onItem().ifNull().failWith(() -> new BadRequestException(ConnectionService.NOT_CONNECTED))
                    .flatMap(connection -> activities.enqueue(user, ActivityService.ORDERS, FetchDataJob.ACTION,
                            plan.marketplaceId(), detail, new FetchDataJob.Request(plan.marketplaceId(),
                                    plan.createdAfter(), plan.createdBefore(), plan.maxOrders(), plan.autoSave())))
                    .map(activity -> Response.status(202).entity(Map.of("success", true, "activity_id", activity.id,
                            "status", activity.status, "status_url", "/api/activities/" + activity.id + "/"))
                            .build());
        }
        return activities.record(user, ActivityService.ORDERS, FetchDataJob.ACTION, plan.marketplaceId(), detail,
                () -> fetcher.tokensFor(user, request.accessToken())
                        .flatMap(tokens -> fetcher.fetch(user, tokens, plan)),
                result -> new Outcome("Fetched " + result.statistics().ordersCount() + " orders and "
                        + result.statistics().orderItemsCount() + " items",
                        new Counts(result.statistics().ordersCount(), result.statistics().orderItemsCount(), 0,
                                result.statistics().failedOrdersCount()),
                        Map.of("cache_key", result.processedData().cacheKey())))
                .map(result -> Response.ok(result).build());
    }

    /** Dates are days in the marketplace's own time: Europe/London for the UK, else Europe/Paris. */
    static FetchPlan plan(FetchDataRequest request, Instant now) {
        ZoneId zone = ZoneId.of(UK.equals(request.marketplaceId()) ? "Europe/London" : "Europe/Paris");
        Instant start = instant("start_date", request.startDate(), zone, false);
        Instant endFrom = instant("end_date", request.endDate(), zone, false);
        Instant end = instant("end_date", request.endDate(), zone, true);
        if (end.isBefore(start) || end.equals(start)) {
            throw new BadRequestException("end_date must be after start_date");
        }
        if (Duration.between(start, endFrom).compareTo(MAX_SPAN) > 0) {
            throw new BadRequestException("The period from start_date to end_date may span at most 30 days");
        }
        Instant latest = now.minus(AMAZON_LAG);
        if (!start.isBefore(latest)) {
            throw new BadRequestException("start_date must be in the past");
        }
        return new FetchPlan(request.marketplaceId(), start, end.isAfter(latest) ? latest : end,
                request.maxOrders(), Boolean.TRUE.equals(request.autoSave()));
    }

    /** `YYYY-MM-DD` (its start, or with `endOfDay` the start of the next day) or an ISO time. */
    private static Instant instant(String field, String value, ZoneId zone, boolean endOfDay) {
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
        }
    }
}
