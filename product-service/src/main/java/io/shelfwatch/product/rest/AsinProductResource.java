package io.shelfwatch.product.rest;

import java.util.List;
import java.util.Locale;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.shelfwatch.product.mapping.PageView;
import io.shelfwatch.product.mapping.ProductViews.AsinProduct;
import io.shelfwatch.product.service.AsinCatalogService;
import io.shelfwatch.product.service.AsinCatalogService.BatchResponse;
import io.shelfwatch.product.service.AsinCatalogService.ProductResponse;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc A's ASIN catalog: market data, readable by any signed-in principal. */
@Path("/v1/products")
@Authenticated
public class AsinProductResource {

    /** ASINs are trimmed and upper-cased before they are validated (DESIGN.md), so the check allows both. */
    static final String ASIN_INPUT = "\\s*[A-Za-z0-9]{10}\\s*";
    static final String ASIN_MESSAGE = "must be a 10-character ASIN (letters and digits)";

    public record BatchProductRequest(
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = ASIN_INPUT, message = ASIN_MESSAGE) String> asins) {
    }

    private final AsinCatalogService catalog;

    public AsinProductResource(AsinCatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/{asin}")
    public Uni<ProductResponse> get(@RestPath @Pattern(regexp = ASIN_INPUT, message = ASIN_MESSAGE) String asin) {
        return catalog.get(normalize(asin));
    }

    @POST
    @Path("/batch")
    public Uni<BatchResponse> batch(@Valid @NotNull BatchProductRequest request) {
        return catalog.batch(request.asins().stream().map(AsinProductResource::normalize).toList());
    }

    @GET
    public Uni<PageView<AsinProduct>> list(@RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage) {
        return catalog.list(page, perPage);
    }

    static String normalize(String asin) {
        return asin.trim().toUpperCase(Locale.ROOT);
    }
}
