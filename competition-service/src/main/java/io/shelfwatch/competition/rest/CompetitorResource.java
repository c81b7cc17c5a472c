package io.shelfwatch.competition.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;
import io.shelfwatch.competition.Competitor;
import io.shelfwatch.competition.repository.CompetitorRepository;
import io.shelfwatch.competition.service.CompetitorService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc E's `/api/v1/competitors/`: the caller's competitor stores. */
@Path("/api/v1/competitors")
@Authenticated
public class CompetitorResource {

    public record CompetitorView(
            String id,
            @JsonProperty("user_id") String userId,
            String name,
            String url,
            String platform,
            String status,
            @JsonProperty("product_count") int productCount,
            @JsonProperty("last_scanned") String lastScanned,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt) {

        static CompetitorView of(Competitor c) {
            return new CompetitorView(c.id.toString(), c.userId.toString(), c.name, c.url, c.platform, c.status,
                    c.productCount, iso(c.lastScanned), iso(c.createdAt), iso(c.updatedAt));
        }

        private static String iso(OffsetDateTime time) {
            return time == null ? null : time.toInstant().toString();
        }
    }

    /** Doc E's POST body. */
    public record CompetitorCreate(
            @NotBlank @Size(max = 200) @JsonProperty("name") String name,
            @NotNull @StoreUrl @JsonProperty("url") String url,
            @NotBlank @Size(max = 50) @JsonProperty("platform") String platform) {
    }

    /**
     * Doc E's partial update. The owner and the counters are the service's: naming them is an
     * error, not silently ignored.
     */
    public record CompetitorPatch(
            @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            @JsonProperty("name") String name,
            @StoreUrl @JsonProperty("url") String url,
            @Size(min = 1, max = 50) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            @JsonProperty("platform") String platform,
            @Pattern(regexp = "active|paused", message = "must be active or paused") @JsonProperty("status") String status,
            @Null(message = "cannot be set") @JsonProperty("id") JsonNode id,
            @Null(message = "cannot be set") @JsonProperty("user_id") JsonNode userId,
            @Null(message = "cannot be set") @JsonProperty("product_count") JsonNode productCount,
            @Null(message = "cannot be set") @JsonProperty("last_scanned") JsonNode lastScanned,
            @Null(message = "cannot be set") @JsonProperty("created_at") JsonNode createdAt,
            @Null(message = "cannot be set") @JsonProperty("updated_at") JsonNode updatedAt) {
    }

    private static final java.util.regex.Pattern CANONICAL_UUID = java.util.regex.Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final CompetitorRepository competitors;
    private final CompetitorService service;
    private final JsonWebToken jwt;

    public CompetitorResource(CompetitorRepository competitors, CompetitorService service, JsonWebToken jwt) {
        this.competitors = competitors;
        this.service = service;
        this.jwt = jwt;
    }

    @GET
    public Uni<PageResponse<CompetitorView>> list(
            @RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage) {
        UUID userId = caller();
        return competitors.countOf(userId).flatMap(total -> competitors.pageOf(userId, page, perPage)
                .map(rows -> new PageResponse<>(rows.stream().map(CompetitorView::of).toList(), total, page, perPage)));
    }

    @POST
    public Uni<RestResponse<CompetitorView>> create(@Valid @NotNull CompetitorCreate body) {
        return service.create(caller(), plan(), body.name(), body.url(), body.platform())
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, CompetitorView.of(c)));
    }

    @GET
    @Path("/{id}")
    public Uni<CompetitorView> get(@RestPath String id) {
        return service.find(caller(), parse(id)).map(CompetitorResource::viewOrNotFound);
    }

    @PATCH
    @Path("/{id}")
    public Uni<CompetitorView> update(@RestPath String id, @Valid @NotNull CompetitorPatch body) {
        UUID competitorId = parse(id);
        return service.update(caller(), competitorId,
                new CompetitorService.Change(body.name(), body.url(), body.platform(), body.status()))
                .map(CompetitorResource::viewOrNotFound);
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        UUID competitorId = parse(id);
        return service.delete(caller(), competitorId, plan()).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException(CompetitorService.NOT_FOUND);
            }
            return RestResponse.noContent();
        });
    }

    private static CompetitorView viewOrNotFound(Competitor c) {
        if (c == null) {
            throw new NotFoundException(CompetitorService.NOT_FOUND);
        }
        return CompetitorView.of(c);
    }

    /** Doc E: a malformed id is 400, not 404 or 422 (UUID.fromString alone accepts "1-2-3-4-5"). */
    private static UUID parse(String id) {
        if (!CANONICAL_UUID.matcher(id).matches()) {
            throw new BadRequestException("Invalid competitor id");
        }
        return UUID.fromString(id);
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }

    private String plan() {
        return jwt.getClaim("plan");
    }
}
