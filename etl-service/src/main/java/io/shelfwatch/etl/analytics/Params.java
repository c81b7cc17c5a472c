package io.shelfwatch.etl.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.shelfwatch.etl.rest.ErrorShapes.FieldError;

/**
 * Reads doc D's query parameters from their raw strings, collecting every problem, so one 400
 * names them all (`details.errors[].loc` = ["query", name]) in doc D's error shape.
 */
final class Params {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ASIN = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<FieldError> errors = new ArrayList<>();

    /** A path's brand id, or a 400 "Invalid brand ID format" at once. */
    static UUID brandId(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw AnalyticsException.invalid("Invalid brand ID format", "path", "brandId", "must be a UUID");
        }
        return UUID.fromString(text);
    }

    /** A path's ASIN, trimmed and upper-cased, or a 400 at once. */
    static String asin(String text) {
        String asin = text == null ? "" : text.trim().toUpperCase();
        if (!ASIN.matcher(asin).matches()) {
            throw AnalyticsException.invalid("Invalid ASIN format", "path", "asin",
                    "must be a 10-character ASIN (letters and digits)");
        }
        return asin;
    }

    LocalDate date(String name, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                add(name, "field required", "value_error.missing");
            }
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        add(name, "must be a date in YYYY-MM-DD format", "value_error.date");
        return null;
    }

    /**
     * A range of two dates in order; when optional, both or neither. A date given but malformed has
     * its own error already: it is not reported a second time as missing from the pair.
     */
    DateRange range(String startName, LocalDate start, String endName, LocalDate end, boolean required) {
        if (start == null && end == null) {
            return null;
        }
        if (start == null || end == null) {
            if (!required && !reported(start == null ? startName : endName)) {
                add(start == null ? startName : endName, "required together with " + (start == null ? endName : startName),
                        "value_error.missing");
            }
            return null;
        }
        if (end.isBefore(start)) {
            add(endName, "must not be before " + startName, "value_error.date_range");
            return null;
        }
        return new DateRange(start, end);
    }

    boolean bool(String name, String text, boolean fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        add(name, "must be true or false", "type_error.bool");
        return fallback;
    }

    int integer(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                add(name, max == Integer.MAX_VALUE ? "must be at least " + min
                        : "must be between " + min + " and " + max, "value_error.number");
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            add(name, "must be an integer", "type_error.integer");
            return fallback;
        }
    }

    String oneOf(String name, String text, String fallback, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(text)) {
            add(name, "must be one of " + allowed.stream().sorted().toList(), "value_error.enum");
            return fallback;
        }
        return text;
    }

    private boolean reported(String name) {
        return errors.stream().anyMatch(e -> e.loc().equals(List.of("query", name)));
    }

    void add(String name, String message, String type) {
        errors.add(new FieldError(List.of("query", name), message, type));
    }

    /** Throws the 400 if anything was wrong. */
    void check() {
        if (!errors.isEmpty()) {
            throw AnalyticsException.invalid("Invalid request parameters", errors);
        }
    }

    record DateRange(LocalDate start, LocalDate end) {
    }
}
