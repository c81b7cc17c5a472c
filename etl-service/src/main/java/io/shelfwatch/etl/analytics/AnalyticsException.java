package io.shelfwatch.etl.analytics;

import java.util.List;
import java.util.Map;

import io.shelfwatch.etl.rest.ErrorShapes.FieldError;

/** A request doc D answers with its `{error, details, code}` shape; mapped by {@link AnalyticsErrors}. */
public class AnalyticsException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public AnalyticsException(int status, String error, String code, Map<String, Object> details) {
        super(error);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static AnalyticsException invalid(String error, List<FieldError> errors) {
        return new AnalyticsException(400, error, "VALIDATION_ERROR", Map.of("errors", errors));
    }

    public static AnalyticsException invalid(String error, String source, String field, String message) {
        return invalid(error, List.of(new FieldError(List.of(source, field), message, "value_error")));
    }

    public static AnalyticsException brandNotFound() {
        return new AnalyticsException(404, "Brand not found", "BRAND_NOT_FOUND", Map.of());
    }

    public static AnalyticsException asinNotFound(String asin) {
        return new AnalyticsException(404, "ASIN not found", "ASIN_NOT_FOUND", Map.of("asin", asin));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
