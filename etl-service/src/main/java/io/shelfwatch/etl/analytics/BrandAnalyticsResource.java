package io.shelfwatch.etl.analytics;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.shelfwatch.etl.analytics.BrandAnalyticsService.ProductsQuery;
import io.shelfwatch.etl.analytics.BrandAnalyticsService.SegmentsQuery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Doc D's brand product list and product segment data. */
@Path("/api/brands/{brandId}/products")
@Authenticated
@Tag(name = "Brand analytics (doc D)")
public class BrandAnalyticsResource {

    private final BrandAnalyticsService service;
    private final CachedJson cached;
    private final JsonWebToken jwt;

    public BrandAnalyticsResource(BrandAnalyticsService service, CachedJson cached, JsonWebToken jwt) {
        this.service = service;
        this.cached = cached;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "A brand's products with their search-query metrics",
            description = "Doc D's enhanced brand products API. Deliberate deviations: shares are volume-weighted"
                    + " (Σ the ASIN's counts / Σ the query totals) instead of the plain average of per-query shares;"
                    + " revenue is an estimate (purchases × median purchase price; Amazon reports no revenue),"
                    + " marked `revenueEstimated: true`; responses are `Cache-Control: private, max-age=300` with"
                    + " `Vary: Authorization` and an ETag (304 on `If-None-Match`) instead of `public`. A reporting"
                    + " period counts when it lies entirely inside the date range. The list holds every ASIN with"
                    + " data in the range or in the comparison range. `segmentType` (weekly | monthly) picks the"
                    + " segments of `includeSegments`; by default weekly up to 92 days, monthly beyond. A reporting"
                    + " period longer than a segment (a MONTH report in weekly segments) is spread evenly over its"
                    + " days, and those segments say `hasDetailedData: false`."
                    + " productTitle is the title the pipeline knows for the ASIN, else the ASIN.")
    public Uni<Response> products(@RestPath String brandId,
            @RestQuery String startDate, @RestQuery String endDate,
            @RestQuery String compareStartDate, @RestQuery String compareEndDate,
            @RestQuery String includePerformance, @RestQuery String includeSegments,
            @RestQuery String sortBy, @RestQuery String order,
            @RestQuery String limit, @RestQuery String offset, @RestQuery String segmentType,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        UUID id = Params.brandId(brandId);
        Params p = new Params();
        Params.DateRange range = p.range("startDate", p.date("startDate", startDate, true),
                "endDate", p.date("endDate", endDate, true), true);
        Params.DateRange comparison = p.range("compareStartDate", p.date("compareStartDate", compareStartDate, false),
                "compareEndDate", p.date("compareEndDate", compareEndDate, false), false);
        boolean performance = p.bool("includePerformance", includePerformance, true);
        boolean segments = p.bool("includeSegments", includeSegments, false);
        String sort = p.oneOf("sortBy", sortBy, "revenue", BrandAnalyticsService.SORT_FIELDS);
        String direction = p.oneOf("order", order, "desc", java.util.Set.of("asc", "desc"));
        int pageSize = p.integer("limit", limit, 50, 1, BrandAnalyticsService.MAX_LIMIT);
        int from = p.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        Segments.Type type = null;
        if (segmentType != null && !segmentType.isBlank()) {
            type = Segments.Type.of(segmentType);
            if (type == null || type == Segments.Type.DAILY) {
                p.add("segmentType", "unsupported segment type: must be weekly or monthly", "value_error.enum");
            }
        }
        p.check();
        ProductsQuery query = new ProductsQuery(range, comparison, performance, segments, type, sort,
                direction.equals("desc"), pageSize, from);
        if (segments) {
            Segments.Type summaryType = BrandAnalyticsService.summaryType(query);
            if (Segments.count(summaryType, range.start(), range.end()) > summaryType.max) {
                p.add("segmentType", "segment data is limited to " + summaryType.max + " " + summaryType.wire
                        + " segments", "value_error.range");
                p.check();
            }
        }
        return service.products(userId(), id, query).map(body -> cached.ok(body, ifNoneMatch));
    }

    @GET
    @Path("/{asin}/segments")
    @Operation(summary = "One product's metrics per date segment, with its top search queries",
            description = "Doc D's segment data API. segmentType: weekly (Amazon's Sunday-Saturday reporting weeks"
                    + " inside the range, up to 52), monthly (calendar months clipped to the range, up to 12) or"
                    + " daily (up to 92 days). Amazon reports weeks at the finest: a reporting period longer than"
                    + " a segment (a week in days, a month in weeks) is spread evenly over its days, top queries"
                    + " included. The comparison of the n-th segment is the n-th segment"
                    + " of the comparison range. Same metric definitions and deviations as the product list.")
    public Uni<Response> segments(@RestPath String brandId, @RestPath String asin,
            @RestQuery String startDate, @RestQuery String endDate, @RestQuery String segmentType,
            @RestQuery String compareStartDate, @RestQuery String compareEndDate,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        UUID id = Params.brandId(brandId);
        String product = Params.asin(asin);
        Params p = new Params();
        Params.DateRange range = p.range("startDate", p.date("startDate", startDate, true),
                "endDate", p.date("endDate", endDate, true), true);
        Params.DateRange comparison = p.range("compareStartDate", p.date("compareStartDate", compareStartDate, false),
                "compareEndDate", p.date("compareEndDate", compareEndDate, false), false);
        Segments.Type type = null;
        if (segmentType == null || segmentType.isBlank()) {
            p.add("segmentType", "field required", "value_error.missing");
        } else {
            type = Segments.Type.of(segmentType);
            if (type == null) {
                p.add("segmentType", "unsupported segment type: must be weekly, monthly or daily", "value_error.enum");
            }
        }
        p.check();
        for (Params.DateRange r : new Params.DateRange[] { range, comparison }) {
            if (r != null && Segments.count(type, r.start(), r.end()) > type.max) {
                p.add(r == range ? "endDate" : "compareEndDate",
                        "segment data is limited to " + type.max + " " + type.wire + " segments", "value_error.range");
            }
        }
        p.check();
        return service.segments(userId(), id, product, new SegmentsQuery(range, comparison, type))
                .map(body -> cached.ok(body, ifNoneMatch));
    }

    private UUID userId() {
        return UUID.fromString(jwt.getSubject());
    }
}
