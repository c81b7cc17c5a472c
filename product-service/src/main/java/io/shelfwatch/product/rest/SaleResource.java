package io.shelfwatch.product.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.product.Sale;
import io.shelfwatch.product.service.SaleService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** Doc C's `GET /api/v1/sales/` (a plain array) and the admins' upkeep of it. */
@Path("/api/v1/sales")
@Authenticated
public class SaleResource {

    public record SaleView(String id, String title, String store,
            @JsonProperty("discount_summary") String discountSummary, String status, String category,
            @JsonProperty("starts_at") Instant startsAt, @JsonProperty("ends_at") Instant endsAt) {
    }

    public record SaleRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100) String store,
            @JsonProperty("discount_summary") @Size(max = 200) String discountSummary,
            @Size(max = 100) String category,
            @JsonProperty("starts_at") @NotNull OffsetDateTime startsAt,
            @JsonProperty("ends_at") @NotNull OffsetDateTime endsAt) {

        @AssertTrue(message = "ends_at must be after starts_at")
        @JsonProperty("ends_at_after_starts_at")
        boolean isEndsAtAfterStartsAt() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }

        SaleService.SaleInput input() {
            return new SaleService.SaleInput(title, store, discountSummary, category, startsAt, endsAt);
        }
    }

    private final SaleService sales;

    public SaleResource(SaleService sales) {
        this.sales = sales;
    }

    @GET
    public Uni<List<SaleView>> list() {
        return sales.current().map(found -> found.stream().map(SaleResource::view).toList());
    }

    @POST
    @RolesAllowed("admin")
    @ResponseStatus(201)
    public Uni<SaleView> create(@Valid @NotNull SaleRequest request) {
        return sales.create(request.input()).map(SaleResource::view);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    public Uni<SaleView> update(@RestPath String id, @Valid @NotNull SaleRequest request) {
        return sales.update(PathIds.parse(id, "sale"), request.input()).map(SaleResource::view);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @ResponseStatus(204)
    public Uni<Void> delete(@RestPath String id) {
        return sales.delete(PathIds.parse(id, "sale"));
    }

    /** upcoming before starts_at, ongoing until ends_at, ended after. */
    static SaleView view(Sale sale) {
        Instant now = Instant.now();
        Instant starts = sale.startsAt.toInstant();
        Instant ends = sale.endsAt.toInstant();
        String status = now.isBefore(starts) ? "upcoming" : now.isBefore(ends) ? "ongoing" : "ended";
        return new SaleView(sale.id.toString(), sale.title, sale.store, sale.discountSummary, status, sale.category,
                starts, ends);
    }
}
