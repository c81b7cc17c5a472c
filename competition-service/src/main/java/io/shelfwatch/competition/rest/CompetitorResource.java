package io.shelfwatch.competition.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.competition.Competitor;
import io.shelfwatch.competition.repository.CompetitorRepository;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

    private final CompetitorRepository competitors;
    private final JsonWebToken jwt;

    public CompetitorResource(CompetitorRepository competitors, JsonWebToken jwt) {
        this.competitors = competitors;
        this.jwt = jwt;
    }

    @GET
    public Uni<PageResponse<CompetitorView>> list(
            @RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage) {
        UUID userId = UUID.fromString(jwt.getSubject());
        return competitors.countOf(userId).flatMap(total -> competitors.pageOf(userId, page, perPage)
                .map(rows -> new PageResponse<>(rows.stream().map(CompetitorView::of).toList(), total, page, perPage)));
    }
}
