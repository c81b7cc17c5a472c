package io.shelfwatch.etl.analytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.Authenticated;
import io.shelfwatch.etl.rest.ErrorShapes.FieldError;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Brands and their data in: the brands a user analyses, and Amazon's report documents loaded into them. */
@Path("/api/brands")
@Authenticated
@Tag(name = "Brand analytics (doc D)")
public class BrandsResource {

    public record CreateBrand(@NotBlank @Size(max = 200) String name) {
    }

    public record BrandView(String id, String name) {
        static BrandView of(Brand brand) {
            return new BrandView(brand.id().toString(), brand.name());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoadView(String brandId, String status, String reportPeriod, String startDate, String endDate,
            String marketplaceId, List<String> asins, int rows) {
    }

    private final BrandRepository brands;
    private final SqpReportReader reader;
    private final SqpLoadService loads;
    private final CachedJson cached;
    private final AnalyticsConfig config;
    private final JsonWebToken jwt;

    public BrandsResource(BrandRepository brands, SqpReportReader reader, SqpLoadService loads, CachedJson cached,
            AnalyticsConfig config, JsonWebToken jwt) {
        this.brands = brands;
        this.reader = reader;
        this.loads = loads;
        this.cached = cached;
        this.config = config;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a brand", description = "The brand belongs to the caller; its data is visible to no one"
            + " else (another user's brand answers 404). Names are unique per user, ignoring case (409).")
    public Uni<Response> create(@NotNull(message = "a JSON body with `name` is required") @Valid CreateBrand body) {
        return brands.create(userId(), body.name().trim()).map(brand -> {
            if (brand == null) {
                throw new AnalyticsException(409, "A brand with this name already exists", "BRAND_EXISTS",
                        java.util.Map.of("name", body.name().trim()));
            }
            return Response.status(201).entity(BrandView.of(brand)).build();
        });
    }

    @GET
    @Operation(summary = "The caller's brands")
    public Uni<Response> list(@RestHeader("If-None-Match") String ifNoneMatch) {
        return brands.ofUser(userId())
                .map(list -> cached.ok(list.stream().map(BrandView::of).toList(), ifNoneMatch));
    }

    @GET
    @Path("/{brandId}")
    @Operation(summary = "One of the caller's brands")
    public Uni<Response> one(@RestPath String brandId, @RestHeader("If-None-Match") String ifNoneMatch) {
        UUID id = Params.brandId(brandId);
        return brands.findOwned(id, userId()).map(brand -> {
            if (brand == null) {
                throw AnalyticsException.brandNotFound();
            }
            return cached.ok(BrandView.of(brand), ifNoneMatch);
        });
    }

    @POST
    @Path("/{brandId}/search-query-performance")
    @Consumes({ MediaType.APPLICATION_JSON, "application/gzip", MediaType.APPLICATION_OCTET_STREAM })
    @Blocking
    @Operation(summary = "Load an Amazon Search Query Performance report document",
            description = "The body is the report document exactly as Amazon's Reports API delivers it"
                    + " (GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT; JSON, or gzip-compressed JSON as"
                    + " getReportDocument's compressionAlgorithm GZIP serves it), checked against Amazon's JSON"
                    + " Schema. Loading is idempotent: the same document again changes nothing (status `unchanged`);"
                    + " another document for the same period and ASINs is a restatement and replaces their numbers"
                    + " (status `replaced`). 201 for a first load, 200 otherwise.")
    public Uni<Response> load(@RestPath String brandId, byte[] body) {
        UUID id = Params.brandId(brandId);
        SqpReport report;
        try {
            report = reader.read(text(body));
        } catch (SqpReportReader.InvalidReportException e) {
            throw AnalyticsException.invalid("Invalid Search Query Performance report", e.errors());
        }
        return loads.upload(userId(), id, report).map(result -> Response
                .status(result.outcome() == SqpStore.Outcome.LOADED ? 201 : 200)
                .entity(new LoadView(id.toString(), result.outcome().name().toLowerCase(), report.reportPeriod(),
                        report.start().toString(), report.end().toString(), report.marketplaceId(), report.asins(),
                        result.rows()))
                .build());
    }

    /** The body as text, decompressed when it is gzip (by its magic bytes, whatever the headers say). */
    private String text(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > config.maxDocumentBytes()) {
                    throw AnalyticsException.invalid("Invalid Search Query Performance report", List.of(new FieldError(
                            List.of("body"), "the report document is larger than " + config.maxDocumentBytes()
                                    + " bytes", "value_error")));
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AnalyticsException.invalid("Invalid Search Query Performance report",
                    List.of(new FieldError(List.of("body"), "not a valid gzip stream", "value_error")));
        }
    }

    private UUID userId() {
        return UUID.fromString(jwt.getSubject());
    }
}
