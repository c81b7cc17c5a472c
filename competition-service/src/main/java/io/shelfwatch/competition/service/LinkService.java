package io.shelfwatch.competition.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.competition.repository.CompetitorLinkRepository;
import io.shelfwatch.competition.repository.GapRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Doc A's competitor links; each user's are their own. ASINs arrive normalized and validated. */
@ApplicationScoped
public class LinkService {

    private final CompetitorLinkRepository links;
    private final GapRepository gaps;
    private final CompetitionCache cache;

    public LinkService(CompetitorLinkRepository links, GapRepository gaps, CompetitionCache cache) {
        this.links = links;
        this.gaps = gaps;
        this.cache = cache;
    }

    /**
     * Links the competitors not linked yet (answers how many were new); a new pair gets today's
     * comparison at once from what is known of both sides.
     */
    public Uni<Integer> link(UUID userId, String asinMain, List<String> competitorAsins) {
        return insert(userId, asinMain, competitorAsins)
                .call(created -> cache.invalidate(List.of(asinMain)));
    }

    @WithTransaction
    Uni<Integer> insert(UUID userId, String asinMain, List<String> competitorAsins) {
        return links.insertMissing(userId, asinMain, competitorAsins)
                .call(created -> created == 0 ? Uni.createFrom().voidItem()
                        : gaps.recomputePairsOf(asinMain, LocalDate.now(ZoneOffset.UTC)));
    }

    public Uni<List<String>> competitorsOf(UUID userId, String asinMain) {
        return links.competitorsOf(userId, asinMain);
    }

    /** Removes the given competitors' links, or every link of the main ASIN when none are given. */
    public Uni<Long> unlink(UUID userId, String asinMain, List<String> competitorAsins) {
        return remove(userId, asinMain, competitorAsins).call(removed -> cache.invalidate(List.of(asinMain)));
    }

    /** Comparisons of a pair no one links any more go with the last link. */
    @WithTransaction
    Uni<Long> remove(UUID userId, String asinMain, List<String> competitorAsins) {
        return links.remove(userId, asinMain, competitorAsins).call(removed -> gaps.removeUnlinked(asinMain));
    }
}
