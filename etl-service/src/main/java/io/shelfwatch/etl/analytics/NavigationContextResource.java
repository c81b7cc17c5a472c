package io.shelfwatch.etl.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.shelfwatch.etl.rest.ErrorShapes.FieldError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Doc D's navigation state API: a user's context kept in Redis while they move between brand and ASIN pages. */
@Path("/api/brands/navigation/context")
@Authenticated
@Tag(name = "Brand analytics (doc D)")
public class NavigationContextResource {

    static final Set<String> PAGES = Set.of("brand-dashboard", "asin-performance");
    private static final Pattern ASIN = Pattern.compile("[A-Z0-9]{10}");

    public record StoreResponse(String contextId, String navigationUrl) {
    }

    private final NavigationContextStore store;
    private final BrandRepository brands;
    private final AnalyticsConfig config;
    private final CachedJson cached;
    private final ObjectMapper json;
    private final JsonWebToken jwt;

    public NavigationContextResource(NavigationContextStore store, BrandRepository brands, AnalyticsConfig config,
            CachedJson cached, ObjectMapper json, JsonWebToken jwt) {
        this.store = store;
        this.brands = brands;
        this.config = config;
        this.cached = cached;
        this.json = json;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "Create a navigation context from query parameters, or read one back",
            description = "With `fromPage` (brand-dashboard | asin-performance) and the optional `brandId` and"
                    + " JSON-encoded `dateRange`, `comparisonRange` ({\"start\":\"YYYY-MM-DD\",\"end\":…}) and"
                    + " `filters` (a JSON object), stores a new context in Redis and answers it with `contextId`,"
                    + " `expiresAt` and the relative `returnUrl` `/brands/{brandId}?context={contextId}`. With"
                    + " `contextId` instead, answers that stored context (404 once expired). Bad JSON → 400.")
    public Uni<Response> get(@RestQuery String contextId, @RestQuery String fromPage, @RestQuery String brandId,
            @RestQuery String dateRange, @RestQuery String comparisonRange, @RestQuery String filters,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        UUID owner = userId();
        if (contextId != null && !contextId.isBlank()) {
            UUID id;
            try {
                id = UUID.fromString(contextId.trim());
            } catch (IllegalArgumentException e) {
                throw AnalyticsException.invalid("Invalid request parameters", "query", "contextId", "must be a UUID");
            }
            return store.get(id).map(found -> {
                if (found == null || !owner.equals(found.ownerId())) {
                    throw new AnalyticsException(404, "Navigation context not found", "CONTEXT_NOT_FOUND", Map.of());
                }
                return cached.ok(found.view(), ifNoneMatch);
            });
        }
        List<FieldError> errors = new ArrayList<>();
        String page = page(fromPage, List.of("query", "fromPage"), errors);
        UUID brand = brandId == null || brandId.isBlank() ? null : uuid(brandId, List.of("query", "brandId"), errors);
        NavigationContext.Range range = range(parse(dateRange, "dateRange", errors), List.of("query", "dateRange"), errors);
        NavigationContext.Range comparison = range(parse(comparisonRange, "comparisonRange", errors),
                List.of("query", "comparisonRange"), errors);
        Map<String, Object> filterMap = filters(parse(filters, "filters", errors), List.of("query", "filters"), errors);
        if (!errors.isEmpty()) {
            throw AnalyticsException.invalid("Invalid request parameters", errors);
        }
        return save(owner, page, brand, range, comparison, filterMap, null)
                .map(context -> cached.ok(context.view(), ifNoneMatch));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a navigation context for an ASIN transition",
            description = "Answers 201 with `contextId` and the relative `navigationUrl`:"
                    + " `/asin-performance/{targetAsin}?context={contextId}&brandId={brandId}` when a target ASIN is"
                    + " given, else `/brands/{brandId}?context={contextId}`.")
    public Uni<Response> post(JsonNode body) {
        UUID owner = userId();
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw AnalyticsException.invalid("Invalid request body", "body", "fromPage", "a JSON object is required");
        }
        String page = page(text(body.get("fromPage")), List.of("body", "fromPage"), errors);
        String brandText = text(body.get("brandId"));
        UUID brand = brandText == null ? null : uuid(brandText, List.of("body", "brandId"), errors);
        NavigationContext.Range range = range(body.get("dateRange"), List.of("body", "dateRange"), errors);
        NavigationContext.Range comparison = range(body.get("comparisonRange"), List.of("body", "comparisonRange"), errors);
        Map<String, Object> filterMap = filters(body.get("filters"), List.of("body", "filters"), errors);
        String asin = text(body.get("targetAsin"));
        if (asin != null) {
            asin = asin.trim().toUpperCase();
            if (!ASIN.matcher(asin).matches()) {
                errors.add(new FieldError(List.of("body", "targetAsin"), "must be a 10-character ASIN", "value_error"));
            }
        }
        if (!errors.isEmpty()) {
            throw AnalyticsException.invalid("Invalid request body", errors);
        }
        return save(owner, page, brand, range, comparison, filterMap, asin)
                .map(context -> Response.status(201)
                        .entity(new StoreResponse(context.contextId(), context.navigationUrl())).build());
    }

    private Uni<NavigationContext> save(UUID owner, String page, UUID brandId, NavigationContext.Range range,
            NavigationContext.Range comparison, Map<String, Object> filters, String asin) {
        Uni<Brand> brand = brandId == null ? Uni.createFrom().nullItem() : brands.findOwned(brandId, owner).map(found -> {
            if (found == null) {
                throw AnalyticsException.brandNotFound();
            }
            return found;
        });
        return brand.flatMap(found -> {
            String expires = Instant.now().plus(config.navigationContextTtl()).truncatedTo(ChronoUnit.SECONDS).toString();
            NavigationContext context = new NavigationContext(UUID.randomUUID().toString(), owner, page,
                    found == null ? null : found.id().toString(), found == null ? null : found.name(), range,
                    comparison, filters, asin, expires);
            return store.put(context).replaceWith(context);
        });
    }

    private JsonNode parse(String text, String name, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(List.of("query", name), "must be JSON-encoded", "value_error.jsondecode"));
            return null;
        }
    }

    private static String page(String page, List<Object> loc, List<FieldError> errors) {
        if (page == null || page.isBlank()) {
            errors.add(new FieldError(loc, "field required", "value_error.missing"));
        } else if (!PAGES.contains(page)) {
            errors.add(new FieldError(loc, "must be one of " + PAGES.stream().sorted().toList(), "value_error.enum"));
        }
        return page;
    }

    private static UUID uuid(String text, List<Object> loc, List<FieldError> errors) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(loc, "must be a UUID", "value_error"));
            return null;
        }
    }

    private static NavigationContext.Range range(JsonNode node, List<Object> loc, List<FieldError> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        LocalDate start = node.isObject() ? date(node.get("start")) : null;
        LocalDate end = node.isObject() ? date(node.get("end")) : null;
        if (start == null || end == null) {
            errors.add(new FieldError(loc, "must be {\"start\":\"YYYY-MM-DD\",\"end\":\"YYYY-MM-DD\"}", "value_error"));
            return null;
        }
        if (end.isBefore(start)) {
            errors.add(new FieldError(loc, "end must not be before start", "value_error.date_range"));
            return null;
        }
        return new NavigationContext.Range(start.toString(), end.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> filters(JsonNode node, List<Object> loc, List<FieldError> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(loc, "must be a JSON object", "type_error.dict"));
            return null;
        }
        return json.convertValue(node, Map.class);
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual() || !node.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private UUID userId() {
        return UUID.fromString(jwt.getSubject());
    }
}
