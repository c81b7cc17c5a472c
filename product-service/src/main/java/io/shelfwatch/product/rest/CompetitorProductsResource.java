package io.shelfwatch.product.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.shelfwatch.product.mapping.PageView;
import io.shelfwatch.product.mapping.ProductViews.TrackedProduct;
import io.shelfwatch.product.repository.TrackingRepository.SortBy;
import io.shelfwatch.product.service.ProductQueryService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Doc E's `GET /api/v1/competitors/{id}/products`: a store's products, for the store's owner only. */
@Path("/api/v1/competitors/{id}/products")
@Authenticated
public class CompetitorProductsResource {

    private final ProductQueryService queries;
    private final JsonWebToken jwt;

    public CompetitorProductsResource(ProductQueryService queries, JsonWebToken jwt) {
        this.queries = queries;
        this.jwt = jwt;
    }

    @GET
    public Uni<PageView<TrackedProduct>> list(@RestPath String id,
            @RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage,
            @RestQuery @Pattern(regexp = "active|removed") String status,
            @RestQuery("sort_by") @Pattern(regexp = "last_seen|first_seen|price|title") String sortBy) {
        UUID competitorId = PathIds.parse(id, "competitor");
        return queries.ofCompetitor(UUID.fromString(jwt.getSubject()), competitorId, status,
                sortBy == null ? SortBy.last_seen : SortBy.valueOf(sortBy), page, perPage);
    }
}
