package io.shelfwatch.competition.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.competition.Analysis;
import io.shelfwatch.competition.CompetitionReport;
import io.shelfwatch.competition.ReportEvidence;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Competition reports, JSON columns through plain SQL: read back as text, written as text cast
 * to jsonb (a parameter typed jsonb would be sent as one JSON string).
 */
@ApplicationScoped
@WithSession
public class CompetitionReportRepository {

    private static final String COLUMNS = "id, user_id, asin_main, version, analysis::text, evidence::text,"
            + " evidence_hash, input_hash, analyst, model, fallback_reason, generation_id, generated_at";

    private final ObjectMapper json;

    public CompetitionReportRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The given version, or the latest when `version` is null; null when there is none. */
    public Uni<CompetitionReport> find(UUID userId, String asinMain, Integer version) {
        String sql = "SELECT " + COLUMNS + " FROM competition_reports WHERE user_id = :user AND asin_main = :main"
                + (version == null ? "" : " AND version = :version") + " ORDER BY version DESC LIMIT 1";
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, Object[].class).setParameter("user", userId)
                    .setParameter("main", asinMain);
            if (version != null) {
                query.setParameter("version", version);
            }
            return query.getResultList();
        }).map(rows -> rows.isEmpty() ? null : report(rows.get(0)));
    }

    /** The newest `limit` versions, newest first. */
    public Uni<List<CompetitionReport>> versions(UUID userId, String asinMain, int limit) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT " + COLUMNS
                + " FROM competition_reports WHERE user_id = :user AND asin_main = :main ORDER BY version DESC"
                + " LIMIT :limit", Object[].class)
                .setParameter("user", userId).setParameter("main", asinMain).setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(this::report).toList());
    }

    public Uni<Long> count(UUID userId, String asinMain) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT count(*) FROM competition_reports WHERE user_id = :user AND asin_main = :main", Long.class)
                .setParameter("user", userId).setParameter("main", asinMain).getSingleResult());
    }

    /**
     * Stores the report as the next version of the user's reports for the ASIN (last + 1) and
     * answers that version. Only one generation per user and ASIN runs at a time; should two
     * ever meet, the unique key fails the second rather than number two reports alike.
     */
    public Uni<Integer> insertNext(UUID id, UUID userId, String asinMain, Analysis analysis, String evidenceJson,
            String evidenceHash, String inputHash, String analyst, String model, String fallbackReason,
            UUID generationId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM competition_reports WHERE user_id = :user AND asin_main = :main",
                Integer.class).setParameter("user", userId).setParameter("main", asinMain).getSingleResult()
                .flatMap(version -> s.createNativeQuery("""
                        INSERT INTO competition_reports (id, user_id, asin_main, version, analysis, evidence,
                            evidence_hash, input_hash, analyst, model, fallback_reason, generation_id, generated_at)
                        VALUES (:id, :user, :main, :version, CAST(CAST(:analysis AS text) AS jsonb),
                            CAST(CAST(:evidence AS text) AS jsonb),
                            :evidenceHash, :inputHash, :analyst, :model, :fallback, :generation, :at)
                        """)
                        .setParameter("id", id).setParameter("user", userId).setParameter("main", asinMain)
                        .setParameter("version", version).setParameter("analysis", write(analysis))
                        .setParameter("evidence", evidenceJson).setParameter("evidenceHash", evidenceHash)
                        .setParameter("inputHash", inputHash).setParameter("analyst", analyst)
                        .setParameter("model", model).setParameter("fallback", fallbackReason)
                        .setParameter("generation", generationId)
                        // Millisecond precision: what is stored is what a client reads back.
                        .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(
                                java.time.temporal.ChronoUnit.MILLIS))
                        .executeUpdate().replaceWith(version)));
    }

    public Uni<Integer> removeAllOf(UUID userId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "DELETE FROM competition_reports WHERE user_id = :user").setParameter("user", userId).executeUpdate());
    }

    private CompetitionReport report(Object[] r) {
        try {
            return new CompetitionReport((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    json.readValue((String) r[4], Analysis.class), json.readValue((String) r[5], ReportEvidence.class), (String) r[6],
                    (String) r[7], (String) r[8], (String) r[9], (String) r[10], (UUID) r[11], timestamp(r[12]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report could not be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written", e);
        }
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
