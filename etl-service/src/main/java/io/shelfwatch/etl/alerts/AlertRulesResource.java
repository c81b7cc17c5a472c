package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Doc E's `/api/v1/alerts/`: the caller's alert rules and what they fired. The owner is the
 * token's subject; a body cannot name it, and another user's rule answers 404.
 */
@Path("/api/v1/alerts")
@Authenticated
public class AlertRulesResource {

    private static final java.util.regex.Pattern CANONICAL_UUID = java.util.regex.Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String CANNOT_BE_SET = "cannot be set";

    /** Doc E's alert. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AlertView(
            @JsonProperty("id") String id,
            @JsonProperty("user_id") String userId,
            @JsonProperty("alert_type") String alertType,
            @JsonProperty("threshold") BigDecimal threshold,
            @JsonProperty("product_id") String productId,
            @JsonProperty("competitor_id") String competitorId,
            @JsonProperty("is_active") boolean isActive,
            @JsonProperty("last_triggered") String lastTriggered,
            @JsonProperty("trigger_count") int triggerCount,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt) {

        static AlertView of(AlertRule r) {
            return new AlertView(r.id.toString(), r.userId.toString(), r.alertType, r.threshold, text(r.productId),
                    text(r.competitorId), r.active, iso(r.lastTriggered), r.triggerCount, iso(r.createdAt),
                    iso(r.updatedAt));
        }
    }

    /** One firing of an alert (doc E's alert history). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HistoryView(
            @JsonProperty("id") String id,
            @JsonProperty("alert_id") String alertId,
            @JsonProperty("alert_type") String alertType,
            @JsonProperty("product_id") String productId,
            @JsonProperty("competitor_id") String competitorId,
            @JsonProperty("product_key") String productKey,
            @JsonProperty("asin") String asin,
            @JsonProperty("message") String message,
            @JsonProperty("old_value") BigDecimal oldValue,
            @JsonProperty("new_value") BigDecimal newValue,
            @JsonProperty("change_percent") BigDecimal changePercent,
            @JsonProperty("triggered_at") String triggeredAt) {

        static HistoryView of(AlertHistoryEntry h) {
            return new HistoryView(h.id.toString(), h.ruleId.toString(), h.alertType, text(h.productId),
                    text(h.competitorId), h.productKey, h.asin, h.message, h.oldValue, h.newValue, h.changePercent,
                    iso(h.triggeredAt));
        }
    }

    /** Doc E's paginated list. */
    public record PageView<T>(
            @JsonProperty("items") List<T> items,
            @JsonProperty("total") long total,
            @JsonProperty("page") int page,
            @JsonProperty("per_page") int perPage) {
    }

    /** Doc E's POST body: alert_type, threshold, and product_id or competitor_id. */
    @ConsistentRule
    public record AlertCreate(
            @NotNull @Pattern(regexp = RuleShape.TYPES, message = RuleShape.TYPES_MESSAGE)
            @JsonProperty("alert_type") String alertType,
            @Positive @DecimalMax(value = "10000", message = "must be at most 10000 (percent)")
            @JsonProperty("threshold") BigDecimal threshold,
            @JsonProperty("product_id") UUID productId,
            @JsonProperty("competitor_id") UUID competitorId,
            @JsonProperty("is_active") Boolean isActive,
            @Null(message = CANNOT_BE_SET) @JsonProperty("id") JsonNode id,
            @Null(message = "cannot be set: an alert belongs to the signed-in user") @JsonProperty("user_id") JsonNode userId,
            @Null(message = CANNOT_BE_SET) @JsonProperty("last_triggered") JsonNode lastTriggered,
            @Null(message = CANNOT_BE_SET) @JsonProperty("trigger_count") JsonNode triggerCount,
            @Null(message = CANNOT_BE_SET) @JsonProperty("created_at") JsonNode createdAt,
            @Null(message = CANNOT_BE_SET) @JsonProperty("updated_at") JsonNode updatedAt) implements RuleShape {
    }

    /** Doc E's PATCH body: alert_type, threshold, is_active. The target and the owner stay as they are. */
    public record AlertPatch(
            @Pattern(regexp = RuleShape.TYPES, message = RuleShape.TYPES_MESSAGE) @JsonProperty("alert_type") String alertType,
            @Positive @DecimalMax(value = "10000", message = "must be at most 10000 (percent)")
            @JsonProperty("threshold") BigDecimal threshold,
            @JsonProperty("is_active") Boolean isActive,
            @Null(message = "cannot be changed: create another alert for another product") @JsonProperty("product_id") JsonNode productId,
            @Null(message = "cannot be changed: create another alert for another competitor") @JsonProperty("competitor_id") JsonNode competitorId,
            @Null(message = CANNOT_BE_SET) @JsonProperty("id") JsonNode id,
            @Null(message = "cannot be set: an alert belongs to the signed-in user") @JsonProperty("user_id") JsonNode userId,
            @Null(message = CANNOT_BE_SET) @JsonProperty("last_triggered") JsonNode lastTriggered,
            @Null(message = CANNOT_BE_SET) @JsonProperty("trigger_count") JsonNode triggerCount,
            @Null(message = CANNOT_BE_SET) @JsonProperty("created_at") JsonNode createdAt,
            @Null(message = CANNOT_BE_SET) @JsonProperty("updated_at") JsonNode updatedAt) {
    }

    private final AlertRuleService service;
    private final JsonWebToken jwt;

    public AlertRulesResource(AlertRuleService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @GET
    public Uni<PageView<AlertView>> list(
            @RestQuery("is_active") @Pattern(regexp = "(?i)true|false|1|0|yes|no|on|off",
                    message = "value could not be parsed to a boolean") String isActive,
            @RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage) {
        return service.list(caller(), bool(isActive), page, perPage)
                .map(p -> page(p, AlertView::of, page, perPage));
    }

    @POST
    public Uni<RestResponse<AlertView>> create(@Valid @NotNull AlertCreate body) {
        boolean active = body.isActive() == null || body.isActive();
        return service.create(caller(), jwt.getClaim("plan"), body, active)
                .map(rule -> RestResponse.status(RestResponse.Status.CREATED, AlertView.of(rule)));
    }

    /** Every firing of the caller's alerts, newest first. */
    @GET
    @Path("/history")
    public Uni<PageView<HistoryView>> allHistory(
            @RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage) {
        return service.historyOf(caller(), page, perPage).map(p -> page(p, HistoryView::of, page, perPage));
    }

    @GET
    @Path("/{id}")
    public Uni<AlertView> get(@RestPath String id) {
        return service.find(caller(), parse(id)).map(AlertRulesResource::viewOrNotFound);
    }

    @PATCH
    @Path("/{id}")
    public Uni<AlertView> update(@RestPath String id, @Valid @NotNull AlertPatch body) {
        UUID ruleId = parse(id);
        return service.update(caller(), ruleId, new AlertRuleService.Change(body.alertType(), body.threshold(),
                body.isActive())).map(AlertRulesResource::viewOrNotFound);
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return service.delete(caller(), parse(id)).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException(AlertRuleService.NOT_FOUND);
            }
            return RestResponse.noContent();
        });
    }

    /** The alert's firings, newest first. */
    @GET
    @Path("/{id}/history")
    public Uni<PageView<HistoryView>> history(@RestPath String id,
            @RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage) {
        return service.historyOf(caller(), parse(id), page, perPage).map(p -> {
            if (p == null) {
                throw new NotFoundException(AlertRuleService.NOT_FOUND);
            }
            return page(p, HistoryView::of, page, perPage);
        });
    }

    private static AlertView viewOrNotFound(AlertRule rule) {
        if (rule == null) {
            throw new NotFoundException(AlertRuleService.NOT_FOUND);
        }
        return AlertView.of(rule);
    }

    private static <E, V> PageView<V> page(AlertRuleService.Page<E> p, Function<E, V> view, int page, int perPage) {
        return new PageView<>(p.items().stream().map(view).toList(), p.total(), page, perPage);
    }

    /** Doc E: a malformed id is 400, not 404 or 422 (UUID.fromString alone accepts "1-2-3-4-5"). */
    private static UUID parse(String id) {
        if (!CANONICAL_UUID.matcher(id).matches()) {
            throw new BadRequestException("Invalid alert id");
        }
        return UUID.fromString(id);
    }

    /** FastAPI's boolean words. */
    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            default -> false;
        };
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
