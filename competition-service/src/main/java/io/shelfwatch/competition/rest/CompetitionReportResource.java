package io.shelfwatch.competition.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.competition.Analysis;
import io.shelfwatch.competition.CompetitionReport;
import io.shelfwatch.competition.ReportEvidence;
import io.shelfwatch.competition.ReportGeneration;
import io.shelfwatch.competition.rest.ErrorShapes.FieldError;
import io.shelfwatch.competition.service.ReportService;
import io.shelfwatch.competition.service.ReportService.RefreshOutcome;
import io.shelfwatch.competition.service.ReportWorker;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc A's versioned competition reports: refresh, read a version, list versions; each user's own. */
@Path("/v1/competitions")
@Authenticated
public class CompetitionReportResource {

    /** Doc A's CompetitionReportSummary; `summary` is the analysis. A single report also carries its evidence. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record ReportResponse(
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("version") int version,
            @JsonProperty("summary") Analysis summary,
            @JsonProperty("generated_at") String generatedAt,
            @JsonProperty("analyst") String analyst,
            @JsonProperty("model") String model,
            @JsonProperty("fallback_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String fallbackReason,
            @JsonProperty("evidence_hash") String evidenceHash,
            @JsonProperty("input_hash") String inputHash,
            @JsonProperty("evidence") ReportEvidence evidence) {

        static ReportResponse of(CompetitionReport r, boolean withEvidence) {
            return new ReportResponse(r.asinMain(), r.version(), r.analysis(), iso(r.generatedAt()), r.analyst(),
                    r.model(), r.fallbackReason(), r.evidenceHash(), r.inputHash(), withEvidence ? r.evidence() : null);
        }
    }

    /** A generation: queued, running, succeeded (with the version it wrote) or failed (with why). */
    public record GenerationResponse(
            @JsonProperty("job_id") UUID jobId,
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("status") String status,
            @JsonProperty("force") boolean force,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("requested_at") String requestedAt,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") String finishedAt,
            @JsonProperty("report_version") Integer reportVersion,
            @JsonProperty("error") String error) {

        static GenerationResponse of(ReportGeneration g) {
            return new GenerationResponse(g.id, g.asinMain, g.status, g.forced, g.attempts, iso(g.requestedAt),
                    iso(g.startedAt), iso(g.finishedAt), g.reportVersion, g.error);
        }
    }

    /**
     * What `report:refresh` did: `queued` (poll `…/report/status` or read `…/report` later),
     * `in_progress` (one was already running: its job), or `skipped` with the `reason` the current
     * version was kept (`recent`, `unchanged_evidence`).
     */
    public record RefreshResponse(
            @JsonProperty("job_id") UUID jobId,
            @JsonProperty("asin_main") String asinMain,
            @JsonProperty("status") String status,
            @JsonProperty("reason") String reason,
            @JsonProperty("message") String message,
            @JsonProperty("force") boolean force,
            @JsonProperty("current_version") Integer currentVersion,
            @JsonProperty("current_generated_at") String currentGeneratedAt) {
    }

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");
    private static final int DEFAULT_VERSIONS = 10;
    private static final int MAX_VERSIONS = 100;

    private final ReportService reports;
    private final ReportWorker worker;
    private final JsonWebToken jwt;

    public CompetitionReportResource(ReportService reports, ReportWorker worker, JsonWebToken jwt) {
        this.reports = reports;
        this.worker = worker;
        this.jwt = jwt;
    }

    /**
     * The colon is a literal character of the path segment (JAX-RS reads `:` as a regex separator
     * only inside `{…}`); ReportRefreshPathTest calls the raw, unencoded path to keep it so.
     */
    @POST
    @Path("/{asin_main}/report:refresh")
    public Uni<RefreshResponse> refresh(@RestPath("asin_main") String asinMain, @RestQuery("force") String force) {
        String main = CompetitionLinkResource.pathAsin(asinMain);
        boolean forced = bool(force, "force");
        return reports.refresh(caller(), main, forced)
                .invoke(outcome -> {
                    if (RefreshOutcome.QUEUED.equals(outcome.status())) {
                        // After the commit: the generation row is visible to the worker.
                        worker.kick();
                    }
                })
                .map(outcome -> new RefreshResponse(outcome.generation() == null ? null : outcome.generation().id,
                        main, outcome.status(), outcome.reason(), outcome.message(), forced,
                        outcome.current() == null ? null : outcome.current().version(),
                        outcome.current() == null ? null : iso(outcome.current().generatedAt())));
    }

    @GET
    @Path("/{asin_main}/report")
    public Uni<ReportResponse> report(@RestPath("asin_main") String asinMain, @RestQuery("version") String version) {
        String main = CompetitionLinkResource.pathAsin(asinMain);
        Integer wanted = version == null || version.isBlank() ? null : positive(version, "version", Integer.MAX_VALUE);
        return reports.report(caller(), main, wanted).map(r -> ReportResponse.of(r, true));
    }

    /** Newest first; `limit` 1–100 (10 by default). Each item is a report without its evidence. */
    @GET
    @Path("/{asin_main}/report/versions")
    public Uni<List<ReportResponse>> versions(@RestPath("asin_main") String asinMain,
            @RestQuery("limit") String limit) {
        String main = CompetitionLinkResource.pathAsin(asinMain);
        int max = limit == null || limit.isBlank() ? DEFAULT_VERSIONS : positive(limit, "limit", MAX_VERSIONS);
        return reports.versions(caller(), main, max)
                .map(list -> list.stream().map(r -> ReportResponse.of(r, false)).toList());
    }

    /** The caller's latest generation for the ASIN: how the last refresh went. */
    @GET
    @Path("/{asin_main}/report/status")
    public Uni<GenerationResponse> status(@RestPath("asin_main") String asinMain) {
        String main = CompetitionLinkResource.pathAsin(asinMain);
        return reports.latestGeneration(caller(), main).map(GenerationResponse::of);
    }

    /** A boolean as FastAPI reads one (true/false, 1/0, yes/no, on/off); anything else → 422. */
    private static boolean bool(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw InvalidInputException.at("Input should be a valid boolean", "query", name);
    }

    private static int positive(String raw, String name, int max) {
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            // Worded as ErrorMappers words a query integer RESTEasy could not convert, so the two read alike.
            throw new InvalidInputException(List.of(new FieldError(List.of("query", name), "value is not a valid integer",
                    "type_error.integer")));
        }
        if (value < 1) {
            throw InvalidInputException.at("must be greater than or equal to 1", "query", name);
        }
        if (value > max) {
            throw InvalidInputException.at("must be less than or equal to " + max, "query", name);
        }
        return value;
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }
}
