package io.shelfwatch.etl.analytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.shelfwatch.etl.rest.ErrorShapes.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a Search Query Performance report document exactly as Amazon delivers it: checked against
 * Amazon's own JSON Schema (amazon-models/sellingPartnerSearchQueryPerformanceReport.json, copied
 * beside this class), then against what the schema cannot say (ASIN format, dates in order,
 * rows inside the report's period).
 */
@ApplicationScoped
public class SqpReportReader {

    /** Thrown for a document that can never be loaded; the REST path answers 400, Kafka sends it to the DLQ. */
    public static class InvalidReportException extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidReportException(List<FieldError> errors) {
            super("invalid Search Query Performance report: " + errors.stream().limit(5)
                    .map(e -> e.loc() + " " + e.msg()).toList());
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    private static final Pattern ASIN = Pattern.compile("[A-Z0-9]{10}");
    private static final int MAX_REPORTED_ERRORS = 20;

    private final ObjectMapper json;
    private final AnalyticsConfig config;
    private final Schema schema;

    public SqpReportReader(ObjectMapper json, AnalyticsConfig config) {
        this.json = json;
        this.config = config;
        try (InputStream in = SqpReportReader.class.getResourceAsStream("sellingPartnerSearchQueryPerformanceReport.json")) {
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document as Amazon serves it (plain JSON). */
    public SqpReport read(String document) {
        if (document == null || document.isBlank()) {
            throw invalid(List.of("body"), "the report document is empty");
        }
        if (document.length() > config.maxDocumentBytes()) {
            throw invalid(List.of("body"), "the report document is larger than " + config.maxDocumentBytes() + " bytes");
        }
        List<Error> violations;
        try {
            violations = schema.validate(document, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw invalid(List.of("body"), "invalid JSON");
        }
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream().limit(MAX_REPORTED_ERRORS)
                    .map(v -> new FieldError(location(v.getInstanceLocation().toString()), v.getMessage(),
                            "schema_error." + v.getKeyword()))
                    .toList();
            throw new InvalidReportException(errors);
        }
        try {
            JsonNode root = json.readTree(document);
            List<Object> nul = nulAt(root, new ArrayList<>(List.of("body")));
            if (nul != null) {
                // PostgreSQL cannot store NUL in text; no query, ASIN or code of a real report holds one.
                throw invalid(nul, "must not contain the NUL character (\\u0000)");
            }
            return flatten(root, sha256(document.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw invalid(List.of("body"), "invalid JSON");
        }
    }

    /** A document as sqp.reports carries it: base64 of the gzip-compressed JSON. */
    public SqpReport readCompressed(String base64) {
        byte[] gzip;
        try {
            gzip = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid(List.of("data", "document"), "not base64");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > config.maxDocumentBytes()) {
                    throw invalid(List.of("data", "document"),
                            "decompressed document is larger than " + config.maxDocumentBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return read(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw invalid(List.of("data", "document"), "not a gzip stream");
        }
    }

    private SqpReport flatten(JsonNode root, String sha256) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode spec = root.path("reportSpecification");
        String period = spec.path("reportOptions").path("reportPeriod").asText();
        LocalDate start = date(spec.path("dataStartTime").asText(), List.of("reportSpecification", "dataStartTime"), errors);
        LocalDate end = date(spec.path("dataEndTime").asText(), List.of("reportSpecification", "dataEndTime"), errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(error(List.of("reportSpecification", "dataEndTime"), "is before dataStartTime"));
        }
        JsonNode marketplaces = spec.path("marketplaceIds");
        String marketplace = marketplaces.size() > 0 ? marketplaces.get(0).asText() : null;
        if (marketplaces.size() > 1) {
            errors.add(error(List.of("reportSpecification", "marketplaceIds"), "a report covers one marketplace"));
        }
        TreeSet<String> asins = new TreeSet<>();
        for (String asin : spec.path("reportOptions").path("asin").asText().trim().split("\\s+")) {
            if (!asin.isBlank()) {
                String normalized = asin.trim().toUpperCase();
                if (ASIN.matcher(normalized).matches()) {
                    asins.add(normalized);
                } else {
                    errors.add(error(List.of("reportSpecification", "reportOptions", "asin"),
                            "'" + asin + "' is not a 10-character ASIN"));
                }
            }
        }
        // The same ASIN, query and period twice in one document: the later row wins.
        Map<String, SqpReport.Row> rows = new LinkedHashMap<>();
        JsonNode data = root.path("dataByAsin");
        for (int i = 0; i < data.size() && errors.size() < MAX_REPORTED_ERRORS; i++) {
            JsonNode row = data.get(i);
            List<Object> at = List.of("dataByAsin", i);
            String asin = row.path("asin").asText().trim().toUpperCase();
            if (!ASIN.matcher(asin).matches()) {
                errors.add(error(append(at, "asin"), "'" + row.path("asin").asText() + "' is not a 10-character ASIN"));
                continue;
            }
            LocalDate rowStart = date(row.path("startDate").asText(), append(at, "startDate"), errors);
            LocalDate rowEnd = date(row.path("endDate").asText(), append(at, "endDate"), errors);
            if (rowStart == null || rowEnd == null || start == null || end == null) {
                continue;
            }
            if (rowEnd.isBefore(rowStart) || rowStart.isBefore(start) || rowEnd.isAfter(end)) {
                errors.add(error(append(at, "startDate"), "the row's dates are not inside the report's period"));
                continue;
            }
            asins.add(asin);
            JsonNode query = row.path("searchQueryData");
            JsonNode purchase = row.path("purchaseData");
            JsonNode price = purchase.path("asinMedianPurchasePrice");
            SqpReport.Row parsed = new SqpReport.Row(asin, rowStart, rowEnd, query.path("searchQuery").asText(),
                    query.path("searchQueryScore").asInt(), query.path("searchQueryVolume").asLong(),
                    row.path("impressionData").path("totalQueryImpressionCount").asLong(),
                    row.path("impressionData").path("asinImpressionCount").asLong(),
                    row.path("clickData").path("totalClickCount").asLong(),
                    row.path("clickData").path("asinClickCount").asLong(),
                    row.path("cartAddData").path("totalCartAddCount").asLong(),
                    row.path("cartAddData").path("asinCartAddCount").asLong(),
                    purchase.path("totalPurchaseCount").asLong(),
                    purchase.path("asinPurchaseCount").asLong(),
                    price.path("amount").decimalValue(), price.path("currencyCode").asText());
            if (parsed.asinImpressions() < 0 || parsed.asinClicks() < 0 || parsed.asinCartAdds() < 0
                    || parsed.asinPurchases() < 0 || parsed.totalImpressions() < 0 || parsed.totalClicks() < 0
                    || parsed.totalCartAdds() < 0 || parsed.totalPurchases() < 0) {
                errors.add(error(at, "counts cannot be negative"));
                continue;
            }
            rows.put(asin + "|" + rowStart + "|" + parsed.searchQuery(), parsed);
        }
        if (!errors.isEmpty()) {
            throw new InvalidReportException(errors);
        }
        return new SqpReport(period, start, end, marketplace, List.copyOf(asins), List.copyOf(rows.values()), sha256);
    }

    /** Where the first text holding U+0000 is, or null. */
    private static List<Object> nulAt(JsonNode node, List<Object> at) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? at : null;
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            List<Object> found = nulAt(node.get(i), append(at, i));
            if (found != null) {
                return found;
            }
        }
        for (var fields = node.fields(); node.isObject() && fields.hasNext();) {
            var field = fields.next();
            List<Object> found = field.getKey().indexOf('\u0000') >= 0 ? append(at, field.getKey())
                    : nulAt(field.getValue(), append(at, field.getKey()));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static LocalDate date(String text, List<Object> loc, List<FieldError> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(error(loc, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static List<Object> append(List<Object> loc, Object field) {
        List<Object> out = new ArrayList<>(loc);
        out.add(field);
        return out;
    }

    /** `/dataByAsin/0/asin` (or `$.dataByAsin[0].asin`) → ["body", "dataByAsin", 0, "asin"]. */
    private static List<Object> location(String path) {
        List<Object> loc = new ArrayList<>(List.of("body"));
        for (String part : path.replaceFirst("^\\$", "").split("[./\\[\\]]+")) {
            if (!part.isEmpty()) {
                loc.add(part.chars().allMatch(Character::isDigit) ? Integer.parseInt(part) : part);
            }
        }
        return loc;
    }

    private static FieldError error(List<Object> loc, String message) {
        List<Object> full = new ArrayList<>(List.of("body"));
        full.addAll(loc);
        return new FieldError(full, message, "value_error");
    }

    private static InvalidReportException invalid(List<Object> loc, String message) {
        return new InvalidReportException(List.of(new FieldError(loc, message, "value_error")));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
