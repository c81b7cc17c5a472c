package io.shelfwatch.competition.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.shelfwatch.competition.ReportEvidence;

/**
 * The prompt an analyst is given for one piece of evidence, and the hashes a report is stored
 * with: of the evidence alone, and of the evidence with the prompt (a changed prompt is a changed
 * input, though the data be the same).
 */
public record ReportPrompt(String evidenceJson, String system, String user, String evidenceHash, String inputHash) {

    /** Raise when the instructions below change: the same evidence then counts as a new input. */
    static final String PROMPT_VERSION = "competition-report/1";

    static final String SYSTEM = """
            You are a marketplace analyst for an Amazon seller. You compare the seller's product (the main \
            product) with the competitor products the seller linked to it, using only the evidence given. \
            Differences are always main minus competitor: a negative price_diff means the main product is \
            cheaper; a negative bsr_gap means the main product ranks better (a lower Best Sellers Rank is \
            better); a positive rating_diff or reviews_gap means the main product has the better rating or \
            more reviews. Null means the value is unknown for one side. Do not invent numbers.
            Answer with one JSON object and nothing else, with exactly these fields:
            {"executive_summary": string (at most 3 sentences),
             "price_position": {"assessment": "premium" | "parity" | "discount" | "unknown", "details": string},
             "market_position": {"assessment": "leader" | "competitive" | "challenger" | "unknown", "details": string},
             "advantages": [string, ...] (at most 10, the main product's strengths over its competitors),
             "recommendations": [string, ...] (at most 10 concrete actions for the seller),
             "confidence": number from 0 to 1 (how well the evidence supports the analysis)}
            """ + "(" + PROMPT_VERSION + ")";

    /** Jackson with a fixed output for a fixed input: the hash of the same evidence never changes. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    public static ReportPrompt of(ReportEvidence evidence) {
        String json;
        try {
            json = CANONICAL.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence could not be written", e);
        }
        String user = "Evidence for main product " + evidence.asinMain() + " (last " + evidence.days()
                + " days of its metrics; the latest gaps to each competitor):\n" + json;
        return new ReportPrompt(json, SYSTEM, user, sha256(json), sha256(SYSTEM + "\n\n" + user));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
