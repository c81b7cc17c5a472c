package io.shelfwatch.competition.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.competition.rest.ErrorShapes.FieldError;
import io.shelfwatch.competition.service.Asins;
import io.shelfwatch.competition.service.LinkService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc A's competitor links: `/v1/competitions/setup` and `/v1/competitions/links/{asin_main}`. */
@Path("/v1/competitions")
@Authenticated
public class CompetitionLinkResource {

    /** Doc A's CompetitorLinkRequest. */
    public record CompetitorLinkRequest(
            @NotNull @JsonProperty("asin_main") String asinMain,
            @NotEmpty @Size(max = 100) @JsonProperty("competitor_asins") List<@NotNull String> competitorAsins) {
    }

    /** Doc A's CompetitorLinkResponse; `created_count` only where something was created. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompetitorLinkResponse(
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("competitor_asins") List<String> competitorAsins,
            @JsonProperty("created_count") Integer createdCount) {
    }

    /** What a DELETE removed. */
    public record LinksRemoved(
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("competitor_asins") List<String> competitorAsins,
            @JsonProperty("removed_count") long removedCount) {
    }

    private static final String NOT_AN_ASIN = "must be an ASIN: 10 letters or digits";

    private final LinkService links;
    private final JsonWebToken jwt;

    public CompetitionLinkResource(LinkService links, JsonWebToken jwt) {
        this.links = links;
        this.jwt = jwt;
    }

    @POST
    @Path("/setup")
    public Uni<CompetitorLinkResponse> setup(@Valid @NotNull CompetitorLinkRequest body) {
        List<FieldError> errors = new ArrayList<>();
        String main = Asins.normalize(body.asinMain());
        if (!Asins.isValid(main)) {
            errors.add(new FieldError(List.of("body", "asin_main"), NOT_AN_ASIN, "value_error"));
        }
        Set<String> competitors = new LinkedHashSet<>();
        for (int i = 0; i < body.competitorAsins().size(); i++) {
            String asin = Asins.normalize(body.competitorAsins().get(i));
            if (!Asins.isValid(asin)) {
                errors.add(new FieldError(List.of("body", "competitor_asins", i), NOT_AN_ASIN, "value_error"));
            } else if (asin.equals(main)) {
                errors.add(new FieldError(List.of("body", "competitor_asins", i),
                        "a product cannot be its own competitor", "value_error"));
            } else {
                competitors.add(asin);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<String> requested = List.copyOf(competitors);
        return links.link(caller(), main, requested)
                .map(created -> new CompetitorLinkResponse(main, requested, created));
    }

    @GET
    @Path("/links/{asin_main}")
    public Uni<CompetitorLinkResponse> linksOf(@RestPath("asin_main") String asinMain) {
        String main = pathAsin(asinMain);
        return links.competitorsOf(caller(), main).map(list -> new CompetitorLinkResponse(main, list, null));
    }

    @DELETE
    @Path("/links/{asin_main}")
    public Uni<LinksRemoved> unlink(@RestPath("asin_main") String asinMain,
            @RestQuery("competitor_asins") List<String> competitorAsins) {
        String main = pathAsin(asinMain);
        List<String> given = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> raw = competitorAsins == null ? List.of() : competitorAsins;
        for (int i = 0; i < raw.size(); i++) {
            String asin = Asins.normalize(raw.get(i));
            if (Asins.isValid(asin)) {
                given.add(asin);
            } else {
                errors.add(new FieldError(List.of("query", "competitor_asins", i), NOT_AN_ASIN, "value_error"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID userId = caller();
        return links.competitorsOf(userId, main).flatMap(before -> links.unlink(userId, main, given)
                .map(removed -> new LinksRemoved(main,
                        before.stream().filter(a -> given.isEmpty() || given.contains(a)).toList(), removed)));
    }

    /** A main ASIN in a path, normalized; invalid → 422 at `["path", "asin_main"]` (doc A is FastAPI). */
    static String pathAsin(String raw) {
        String asin = Asins.normalize(raw);
        if (!Asins.isValid(asin)) {
            throw InvalidInputException.at(NOT_AN_ASIN, "path", "asin_main");
        }
        return asin;
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }
}
