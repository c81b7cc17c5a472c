package io.shelfwatch.competition.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.competition.repository.GapRepository;
import io.shelfwatch.competition.repository.GapRepository.Gap;
import io.shelfwatch.competition.service.Asins;
import io.shelfwatch.competition.service.CompetitionCache;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Doc A's competition data: the caller's linked competitors and the daily gaps to them. */
@Path("/v1/competitions")
@Authenticated
public class CompetitionResource {

    /** Doc A's PeerGap: main − competitor, null where either side lacks the value. */
    public record PeerGap(
            @JsonProperty("asin") String asin,
            @JsonProperty("price_diff") BigDecimal priceDiff,
            @JsonProperty("bsr_gap") Integer bsrGap,
            @JsonProperty("rating_diff") BigDecimal ratingDiff,
            @JsonProperty("reviews_gap") Integer reviewsGap,
            @JsonProperty("buybox_diff") BigDecimal buyboxDiff) {

        static PeerGap of(Gap g) {
            return new PeerGap(g.competitorAsin(), g.priceDiff(), g.bsrGap(), g.ratingDiff(), g.reviewsGap(),
                    g.buyboxDiff());
        }
    }

    /** Doc A's CompetitionData. */
    public record CompetitionData(
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("date_range") String dateRange,
            @JsonProperty("peers") List<PeerGap> peers) {
    }

    /** Doc A's CompetitionResponse. */
    public record CompetitionResponse(
            @JsonProperty("data") CompetitionData data,
            @JsonProperty("cached") boolean cached,
            @JsonProperty("stale_at") String staleAt) {
    }

    /** One daily comparison record. */
    public record HistoryRecord(
            @JsonProperty("date") String date,
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("competitor_asin") String competitorAsin,
            @JsonProperty("price_diff") BigDecimal priceDiff,
            @JsonProperty("bsr_gap") Integer bsrGap,
            @JsonProperty("rating_diff") BigDecimal ratingDiff,
            @JsonProperty("reviews_gap") Integer reviewsGap,
            @JsonProperty("buybox_diff") BigDecimal buyboxDiff) {

        static HistoryRecord of(Gap g) {
            return new HistoryRecord(g.day().toString(), g.asinMain(), g.competitorAsin(), g.priceDiff(), g.bsrGap(),
                    g.ratingDiff(), g.reviewsGap(), g.buyboxDiff());
        }
    }

    /** The history answer: the period and its records, newest first. */
    public record CompetitionHistory(
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("competitor_asin") String competitorAsin,
            @JsonProperty("date_range") String dateRange,
            @JsonProperty("total_records") int totalRecords,
            @JsonProperty("records") List<HistoryRecord> records) {
    }

    private final GapRepository gaps;
    private final CompetitionCache cache;
    private final JsonWebToken jwt;

    public CompetitionResource(GapRepository gaps, CompetitionCache cache, JsonWebToken jwt) {
        this.gaps = gaps;
        this.cache = cache;
        this.jwt = jwt;
    }

    @GET
    @Path("/{asin_main}")
    public Uni<CompetitionResponse> competition(@RestPath("asin_main") String asinMain,
            @RestQuery("days_back") @DefaultValue("30") @Min(1) @Max(365) int daysBack) {
        String main = CompetitionLinkResource.pathAsin(asinMain);
        UUID userId = caller();
        String query = "days:" + daysBack;
        return cache.get(userId, main, query, CompetitionData.class).flatMap(hit -> {
            if (hit.isPresent()) {
                var entry = hit.get();
                return Uni.createFrom().item(new CompetitionResponse(entry.data(), true,
                        entry.staleAt() == null ? null : entry.staleAt().toString()));
            }
            LocalDate to = today();
            LocalDate from = to.minusDays(daysBack);
            return gaps.latestGaps(userId, main, from)
                    .map(rows -> new CompetitionData(main, range(from, to), rows.stream().map(PeerGap::of).toList()))
                    .flatMap(data -> cache.put(userId, main, query, data)
                            .map(staleAt -> new CompetitionResponse(data, false, null)));
        });
    }

    @GET
    @Path("/{asin_main}/history")
    public Uni<CompetitionHistory> history(@RestPath("asin_main") String asinMain,
            @RestQuery("days_back") @DefaultValue("30") @Min(1) @Max(365) int daysBack,
            @RestQuery("competitor_asin") String competitorAsin) {
        String main = CompetitionLinkResource.pathAsin(asinMain);
        String competitor = null;
        if (competitorAsin != null && !competitorAsin.isBlank()) {
            competitor = Asins.normalize(competitorAsin);
            if (!Asins.isValid(competitor)) {
                throw InvalidInputException.at("must be an ASIN: 10 letters or digits", "query", "competitor_asin");
            }
        }
        String filter = competitor;
        LocalDate to = today();
        LocalDate from = to.minusDays(daysBack);
        return gaps.history(caller(), main, from, filter).map(rows -> new CompetitionHistory(main, filter,
                range(from, to), rows.size(), rows.stream().map(HistoryRecord::of).toList()));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String range(LocalDate from, LocalDate to) {
        return from + " to " + to;
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }
}
