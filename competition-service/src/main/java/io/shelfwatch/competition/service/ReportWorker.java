package io.shelfwatch.competition.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shelfwatch.competition.Analysis;
import io.shelfwatch.competition.CompetitionReport;
import io.shelfwatch.competition.ReportEvidence;
import io.shelfwatch.competition.ReportGeneration;
import io.shelfwatch.competition.client.LlmAnalyst;
import io.shelfwatch.competition.client.LlmException;
import io.shelfwatch.competition.config.CompetitionConfig;
import io.shelfwatch.competition.repository.CompetitionReportRepository;
import io.shelfwatch.competition.repository.ReportGenerationRepository;
import io.shelfwatch.competition.rest.RequestIdFilter;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs queued report generations: claims one (any replica may, each generation runs once),
 * collects the evidence, has the LLM or the built-in analyst write the analysis outside any
 * transaction, and stores it as the next version. A generation that fails is recorded as failed
 * with the reason; one whose replica died is taken up again after `stale-after`.
 */
@ApplicationScoped
public class ReportWorker {

    private static final Logger LOG = Logger.getLogger(ReportWorker.class);
    /** Most generations one pass runs in a row, so a long queue cannot keep one pass busy forever. */
    private static final int PER_PASS = 20;

    /** A claimed generation: what the work needs, detached from the session that claimed it. */
    private record Claim(UUID id, UUID userId, String asinMain, String requestId, int attempt) {
    }

    /** An analysis and who wrote it. */
    private record Written(Analysis analysis, String analyst, String model, String fallbackReason) {
    }

    private final ReportGenerationRepository generations;
    private final CompetitionReportRepository reports;
    private final ReportEvidenceCollector evidence;
    private final BuiltInAnalyst builtIn;
    private final LlmAnalyst llm;
    private final CompetitionConfig config;
    private final Vertx vertx;
    private final MeterRegistry metrics;

    public ReportWorker(ReportGenerationRepository generations, CompetitionReportRepository reports,
            ReportEvidenceCollector evidence, BuiltInAnalyst builtIn, LlmAnalyst llm, CompetitionConfig config,
            Vertx vertx, MeterRegistry metrics) {
        this.generations = generations;
        this.reports = reports;
        this.evidence = evidence;
        this.builtIn = builtIn;
        this.llm = llm;
        this.config = config;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    /** Picks up what no request started at once: generations queued elsewhere, or abandoned. */
    @Scheduled(every = "${competition.reports.poll-interval:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return drain(PER_PASS);
    }

    /**
     * Starts work on the queue now, on a context of its own (not the request's, whose session
     * closes with the response); the scheduled pass is the safety net if this fails.
     */
    public void kick() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain(PER_PASS).subscribe().with(
                done -> {
                },
                failure -> LOG.warnf("report generation pass failed (the next scheduled pass retries): %s",
                        failure.getMessage())));
    }

    Uni<Void> drain(int remaining) {
        if (remaining == 0) {
            return Uni.createFrom().voidItem();
        }
        return claim().flatMap(claim -> claim == null ? Uni.createFrom().voidItem()
                : run(claim).flatMap(done -> drain(remaining - 1)));
    }

    /** The next generation to run, marked running; abandoned too often → failed, and the next one looked at. */
    private Uni<Claim> claim() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> generations.lockNext(now.minus(config.reports().staleAfter()))
                .map(g -> {
                    if (g == null) {
                        return null;
                    }
                    if (g.attempts >= config.reports().maxAttempts()) {
                        g.status = ReportGeneration.FAILED;
                        g.finishedAt = now;
                        g.error = "abandoned: no worker finished it in " + g.attempts + " attempts";
                        return new Claim(g.id, g.userId, g.asinMain, g.requestId, -1);
                    }
                    g.status = ReportGeneration.RUNNING;
                    g.startedAt = now;
                    g.attempts++;
                    return new Claim(g.id, g.userId, g.asinMain, g.requestId, g.attempts);
                }))
                .flatMap(claim -> claim != null && claim.attempt() < 0 ? claim() : Uni.createFrom().item(claim));
    }

    private Uni<Void> run(Claim claim) {
        if (claim.requestId() != null) {
            MDC.put(RequestIdFilter.MDC_KEY, claim.requestId());
        }
        return Panache.withSession(() -> evidence.collect(claim.userId(), claim.asinMain()))
                .flatMap(collected -> {
                    ReportPrompt prompt = ReportPrompt.of(collected);
                    return write(collected, prompt).flatMap(written -> Panache.withTransaction(() -> reports
                            .insertNext(UUID.randomUUID(), claim.userId(), claim.asinMain(), written.analysis(),
                                    prompt.evidenceJson(), prompt.evidenceHash(), prompt.inputHash(),
                                    written.analyst(), written.model(), written.fallbackReason(), claim.id())
                            .flatMap(version -> finish(claim, ReportGeneration.SUCCEEDED, version, null)))
                            .invoke(() -> count(written.analyst(), written.fallbackReason() != null, "succeeded")));
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "report generation %s for %s failed", claim.id(), claim.asinMain());
                    count("none", false, "failed");
                    return Panache.withTransaction(() -> finish(claim, ReportGeneration.FAILED, null,
                            "the report could not be generated: " + failure.getClass().getSimpleName()));
                })
                .onFailure().invoke(e -> LOG.errorf(e, "report generation %s could not be recorded", claim.id()))
                .onFailure().recoverWithNull();
    }

    /** The LLM when configured; the built-in analyst without it, or when the LLM gave nothing usable. */
    private Uni<Written> write(ReportEvidence collected, ReportPrompt prompt) {
        if (!llm.configured()) {
            return Uni.createFrom().item(builtIn(collected, null));
        }
        return llm.analyse(prompt.system(), prompt.user())
                .map(answer -> new Written(answer.analysis(), CompetitionReport.LLM, answer.model(), null))
                .onFailure().recoverWithItem(failure -> {
                    String reason = fallbackReason(failure);
                    LOG.warnf("LLM analysis of %s failed, the built-in analyst writes it: %s", collected.asinMain(),
                            reason);
                    return builtIn(collected, reason);
                });
    }

    /** Why the LLM's analysis is missing, in words fit for the report (never the key, never its raw answer). */
    private static String fallbackReason(Throwable failure) {
        if (failure instanceof LlmException) {
            return failure.getMessage();
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "the LLM endpoint failed repeatedly; it is not asked for a while";
        }
        if (failure instanceof TimeoutException) {
            return "the LLM did not answer in time";
        }
        return "the LLM call failed (" + failure.getClass().getSimpleName() + ")";
    }

    private Written builtIn(ReportEvidence collected, String fallbackReason) {
        return new Written(builtIn.analyse(collected), CompetitionReport.BUILT_IN, BuiltInAnalyst.MODEL, fallbackReason);
    }

    /** Reports written per analyst, and how often the LLM had to be replaced: what an operator watches. */
    private void count(String analyst, boolean fallback, String outcome) {
        metrics.counter("shelfwatch.competition.reports", "analyst", analyst, "fallback", Boolean.toString(fallback),
                "outcome", outcome).increment();
    }

    /** Records the end, unless the generation was meanwhile taken up again by another worker. */
    private Uni<Void> finish(Claim claim, String status, Integer version, String error) {
        return generations.findById(claim.id()).map(g -> {
            if (g == null) {
                // The user was deleted meanwhile: roll the report back with them.
                throw new IllegalStateException("generation " + claim.id() + " no longer exists");
            }
            if (g.attempts == claim.attempt() && ReportGeneration.RUNNING.equals(g.status)) {
                g.status = status;
                g.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                g.reportVersion = version;
                g.error = error;
            }
            return null;
        });
    }
}
