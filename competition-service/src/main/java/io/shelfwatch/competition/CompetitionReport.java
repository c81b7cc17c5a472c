package io.shelfwatch.competition;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One version of a user's competition report for a main ASIN, as stored: the analysis, the
 * evidence it was written from (as stored, JSON), who wrote it and the hashes of its input.
 */
public record CompetitionReport(
        UUID id,
        UUID userId,
        String asinMain,
        int version,
        Analysis analysis,
        ReportEvidence evidence,
        String evidenceHash,
        String inputHash,
        String analyst,
        String model,
        String fallbackReason,
        UUID generationId,
        OffsetDateTime generatedAt) {

    public static final String LLM = "llm";
    public static final String BUILT_IN = "built_in";
}
