package io.shelfwatch.competition.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.competition.messaging.PriceUpdateEvent;
import io.shelfwatch.competition.repository.GapRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps each ASIN's daily metrics from `price.updates` and the comparisons of every pair it is
 * in current, in the same transaction; cached answers of the affected main ASINs are invalidated
 * once it committed.
 */
@ApplicationScoped
public class GapService {

    private final GapRepository gaps;
    private final CompetitionCache cache;

    public GapService(GapRepository gaps, CompetitionCache cache) {
        this.gaps = gaps;
        this.cache = cache;
    }

    public Uni<Void> onPriceUpdate(PriceUpdateEvent.Data update) {
        String asin = update.asin();
        // Doc A's links name bare ASINs: the default marketplace's product (key `asin:{ASIN}`) only.
        if (asin == null || !update.productKey().equals("asin:" + asin)) {
            return Uni.createFrom().voidItem();
        }
        return apply(update).flatMap(mains -> cache.invalidate(mains));
    }

    @WithTransaction
    Uni<List<String>> apply(PriceUpdateEvent.Data update) {
        PriceUpdateEvent.Snapshot s = update.snapshot();
        var observedAt = s.observedAt().atOffset(ZoneOffset.UTC);
        LocalDate day = observedAt.toLocalDate();
        return gaps.upsertDailyMetrics(update.asin(), observedAt, s.price(), s.currency(), s.bsr(), s.rating(),
                s.reviewsCount(), s.buyboxPrice())
                .flatMap(changed -> gaps.recomputePairsOf(update.asin(), day))
                .flatMap(rows -> gaps.mainsAffectedBy(update.asin()));
    }

    /** New links get today's comparison at once, from what is already known of both sides. */
    @WithTransaction
    public Uni<Integer> recomputeToday(String asinMain) {
        return gaps.recomputePairsOf(asinMain, LocalDate.now(ZoneOffset.UTC));
    }

    /** The `competition_daily` job: every linked pair's comparison of one day. */
    @WithTransaction
    public Uni<Integer> rebuildDay(LocalDate day) {
        return gaps.rebuildDay(day);
    }
}
