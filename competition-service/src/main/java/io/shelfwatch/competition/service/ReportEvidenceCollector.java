package io.shelfwatch.competition.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.shelfwatch.competition.ReportEvidence;
import io.shelfwatch.competition.config.CompetitionConfig;
import io.shelfwatch.competition.repository.GapRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A report's evidence: the main ASIN's metrics of the window and the latest gap to each of the user's competitors. */
@ApplicationScoped
public class ReportEvidenceCollector {

    private final GapRepository gaps;
    private final CompetitionConfig config;

    public ReportEvidenceCollector(GapRepository gaps, CompetitionConfig config) {
        this.gaps = gaps;
        this.config = config;
    }

    public Uni<ReportEvidence> collect(UUID userId, String asinMain) {
        int days = config.reports().evidenceDays();
        // The window includes today: `days` calendar days in all.
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L);
        return gaps.metricsSince(asinMain, from).flatMap(metrics -> gaps.latestGaps(userId, asinMain, from)
                .map(latest -> new ReportEvidence(asinMain, days,
                        metrics.stream().map(m -> new ReportEvidence.DailyMetric(m.day().toString(), m.price(),
                                m.currency(), m.bsr(), m.rating(), m.reviewsCount(), m.buyboxPrice())).toList(),
                        latest.stream().map(g -> new ReportEvidence.CompetitorGap(g.competitorAsin(),
                                g.day() == null ? null : g.day().toString(), g.priceDiff(), g.bsrGap(),
                                g.ratingDiff(), g.reviewsGap(), g.buyboxDiff())).toList())));
    }
}
