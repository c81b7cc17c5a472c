package io.shelfwatch.competition.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.competition.CompetitionReport;
import io.shelfwatch.competition.ReportGeneration;
import io.shelfwatch.competition.client.LlmAnalyst;
import io.shelfwatch.competition.config.CompetitionConfig;
import io.shelfwatch.competition.repository.CompetitionReportRepository;
import io.shelfwatch.competition.repository.CompetitorLinkRepository;
import io.shelfwatch.competition.repository.ReportGenerationRepository;
import io.shelfwatch.competition.rest.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/**
 * Doc A's competition reports, each user's own: deciding whether a refresh generates a new
 * version, and reading versions. Generation itself runs in {@link ReportWorker}.
 */
@ApplicationScoped
public class ReportService {

    /** What a refresh did: queued a generation, found one in progress, or kept the current report. */
    public record RefreshOutcome(String status, String reason, String message, ReportGeneration generation,
            CompetitionReport current) {

        public static final String QUEUED = "queued";
        public static final String IN_PROGRESS = "in_progress";
        public static final String SKIPPED = "skipped";
        public static final String RECENT = "recent";
        public static final String UNCHANGED = "unchanged_evidence";
    }

    private final CompetitorLinkRepository links;
    private final CompetitionReportRepository reports;
    private final ReportGenerationRepository generations;
    private final ReportEvidenceCollector evidence;
    private final LlmAnalyst llm;
    private final CompetitionConfig config;

    public ReportService(CompetitorLinkRepository links, CompetitionReportRepository reports,
            ReportGenerationRepository generations, ReportEvidenceCollector evidence, LlmAnalyst llm,
            CompetitionConfig config) {
        this.links = links;
        this.reports = reports;
        this.generations = generations;
        this.evidence = evidence;
        this.llm = llm;
        this.config = config;
    }

    /**
     * Queues a generation unless one is in progress or, without `force`, the latest report is
     * younger than the configured age or was written from the same evidence and prompt. A report
     * is about the user's own competitors, so a main ASIN they link none to is not found.
     */
    @WithTransaction
    public Uni<RefreshOutcome> refresh(UUID userId, String asinMain, boolean force) {
        return links.competitorsOf(userId, asinMain).flatMap(competitors -> {
            if (competitors.isEmpty()) {
                return Uni.createFrom().failure(noCompetitors(asinMain));
            }
            return generations.active(userId, asinMain).flatMap(active -> active != null
                    ? Uni.createFrom().item(inProgress(active))
                    : reports.find(userId, asinMain, null).flatMap(latest -> force || latest == null
                            ? queue(userId, asinMain, force, latest)
                            : keepOrQueue(userId, asinMain, latest)));
        });
    }

    private Uni<RefreshOutcome> keepOrQueue(UUID userId, String asinMain, CompetitionReport latest) {
        Duration age = Duration.between(latest.generatedAt(), OffsetDateTime.now(ZoneOffset.UTC));
        Duration minAge = config.reports().minAge();
        if (age.compareTo(minAge) < 0) {
            return Uni.createFrom().item(new RefreshOutcome(RefreshOutcome.SKIPPED, RefreshOutcome.RECENT,
                    "Report version " + latest.version() + " is " + words(age) + " old, younger than "
                            + words(minAge) + "; kept. Pass force=true to generate a new version now.",
                    null, latest));
        }
        return evidence.collect(userId, asinMain).flatMap(current -> {
            boolean sameInput = ReportPrompt.of(current).inputHash().equals(latest.inputHash());
            // A report the built-in analyst wrote because the LLM failed is worth asking the LLM again.
            boolean llmMissedIt = llm.configured() && latest.fallbackReason() != null;
            if (sameInput && !llmMissedIt) {
                return Uni.createFrom().item(new RefreshOutcome(RefreshOutcome.SKIPPED, RefreshOutcome.UNCHANGED,
                        "The evidence has not changed since report version " + latest.version()
                                + "; kept. Pass force=true to generate a new version anyway.",
                        null, latest));
            }
            return queue(userId, asinMain, false, latest);
        });
    }

    private Uni<RefreshOutcome> queue(UUID userId, String asinMain, boolean force, CompetitionReport latest) {
        UUID id = UUID.randomUUID();
        return generations.queue(id, userId, asinMain, force, RequestIdFilter.current()).flatMap(queued -> queued
                ? generations.findById(id).map(g -> new RefreshOutcome(RefreshOutcome.QUEUED, null,
                        "Report generation queued" + (latest == null ? "" : "; it will be version "
                                + (latest.version() + 1)) + ".", g, latest))
                // A concurrent request queued one first.
                : generations.active(userId, asinMain).map(this::inProgress));
    }

    private RefreshOutcome inProgress(ReportGeneration active) {
        return new RefreshOutcome(RefreshOutcome.IN_PROGRESS, null,
                "A report for " + active.asinMain + " is already being generated; one runs at a time.", active, null);
    }

    /** The given version, or the latest; 404 when there is none. */
    @WithSession
    public Uni<CompetitionReport> report(UUID userId, String asinMain, Integer version) {
        return reports.find(userId, asinMain, version).onItem().ifNull().switchTo(() -> generations
                .latest(userId, asinMain).flatMap(last -> Uni.createFrom().failure(new NotFoundException(version != null
                        ? "Report version " + version + " of " + asinMain + " not found"
                        : "No report for " + asinMain + " yet" + pending(last)))));
    }

    /** The newest versions; 404 for a main ASIN the user neither links competitors to nor has reports on. */
    @WithSession
    public Uni<List<CompetitionReport>> versions(UUID userId, String asinMain, int limit) {
        return reports.versions(userId, asinMain, limit).flatMap(list -> !list.isEmpty()
                ? Uni.createFrom().item(list)
                : links.competitorsOf(userId, asinMain).flatMap(competitors -> competitors.isEmpty()
                        ? Uni.createFrom().failure(noCompetitors(asinMain))
                        : Uni.createFrom().item(list)));
    }

    /** The user's latest generation for the ASIN: queued, running, succeeded or failed (with why). */
    @WithSession
    public Uni<ReportGeneration> latestGeneration(UUID userId, String asinMain) {
        return generations.latest(userId, asinMain).onItem().ifNull()
                .failWith(() -> new NotFoundException("No report generation for " + asinMain));
    }

    private static String pending(ReportGeneration last) {
        if (last == null) {
            return "; request one with POST …/report:refresh";
        }
        return switch (last.status) {
            case ReportGeneration.QUEUED, ReportGeneration.RUNNING -> "; one is being generated";
            case ReportGeneration.FAILED -> "; the last generation failed: " + last.error;
            default -> "";
        };
    }

    private static NotFoundException noCompetitors(String asinMain) {
        return new NotFoundException("No competitors linked to " + asinMain);
    }

    private static String words(Duration d) {
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours")
                    + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min";
        }
        return Math.max(0, d.toSeconds()) + " s";
    }
}
