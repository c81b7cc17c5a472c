package io.shelfwatch.product.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.shelfwatch.product.mapping.PageView;
import io.shelfwatch.product.mapping.ProductViews.TrackedProduct;
import io.shelfwatch.product.repository.TrackingRepository.SortBy;
import io.shelfwatch.product.service.ProductKeys;
import io.shelfwatch.product.service.ProductQueryService;
import io.shelfwatch.product.service.TrackingService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Docs C and E: the caller's tracked products. */
@Path("/api/v1/products")
@Authenticated
public class TrackedProductResource {

    public record TrackRequest(@NotBlank @Size(max = 2048) @ProductUrl String url) {
    }

    private final TrackingService tracking;
    private final ProductQueryService queries;
    private final ProductKeys keys;
    private final JsonWebToken jwt;

    public TrackedProductResource(TrackingService tracking, ProductQueryService queries, ProductKeys keys,
            JsonWebToken jwt) {
        this.tracking = tracking;
        this.queries = queries;
        this.keys = keys;
        this.jwt = jwt;
    }

    /** Same URL, same product; the extractor hears of the new tracker through `products` at once. */
    @POST
    @Path("/track")
    @ResponseStatus(202)
    public Uni<TrackedProduct> track(@Valid @NotNull TrackRequest request) {
        ProductKeys.Identity identity = keys.fromUrl(request.url()).orElseThrow();
        String host = java.net.URI.create(identity.url()).getHost();
        return tracking.trackUrl(caller(), identity, "Tracking new product from " + host + "...")
                .flatMap(product -> queries.trackedOne(caller(), product.id));
    }

    /** Doc E's page/per_page, or doc C's skip/limit; always doc E's envelope. */
    @GET
    public Uni<PageView<TrackedProduct>> list(
            @RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage,
            @RestQuery @Min(0) Integer skip,
            @RestQuery @Min(1) @Max(100) Integer limit,
            @RestQuery @Pattern(regexp = "active|removed") String status,
            @RestQuery("sort_by") @Pattern(regexp = "last_seen|first_seen|price|title") String sortBy) {
        SortBy order = sortBy == null ? SortBy.created : SortBy.valueOf(sortBy);
        if (skip != null || limit != null) {
            int size = limit != null ? limit : 100;
            int offset = skip != null ? skip : 0;
            return queries.tracked(caller(), status, order, offset, size, offset / size + 1);
        }
        // As a long: page may be as large as an int goes, and a page past the end is just empty.
        return queries.tracked(caller(), status, order, (page - 1L) * perPage, perPage, page);
    }

    @GET
    @Path("/{product_id}")
    public Uni<TrackedProduct> get(@RestPath("product_id") String productId) {
        return queries.trackedOne(caller(), PathIds.parse(productId, "product"));
    }

    @DELETE
    @Path("/{product_id}")
    @ResponseStatus(204)
    public Uni<Void> untrack(@RestPath("product_id") String productId) {
        return tracking.untrack(caller(), PathIds.parse(productId, "product"));
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }

}
