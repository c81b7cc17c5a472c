package io.shelfwatch.etl.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error bodies of this service's paths: doc D's `{error, details, code}` on `/api/brands/**`
 * (invalid input is a 400 there), FastAPI's `{"detail": …}` everywhere else (422 for invalid input).
 */
public final class ErrorShapes {

    public record FieldError(List<Object> loc, String msg, String type) {
    }

    public record Detail(Object detail) {
    }

    /** Doc D's `APIError`. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApiError(String error, Map<String, Object> details, String code) {
    }

    private ErrorShapes() {
    }

    public static Response invalid(String path, List<FieldError> errors) {
        if (isDocD(path)) {
            // Say which part of the request was wrong, as analytics' own 400s do.
            boolean body = errors.stream().allMatch(e -> !e.loc().isEmpty() && "body".equals(e.loc().get(0)));
            return json(400, new ApiError(body ? "Invalid request body" : "Invalid request parameters",
                    Map.of("errors", errors), "VALIDATION_ERROR"));
        }
        return json(422, new Detail(errors));
    }

    public static Response error(String path, int status, String message) {
        if (isDocD(path)) {
            return json(status, new ApiError(message, Map.of(), codeOf(status)));
        }
        return json(status, new Detail(message));
    }

    /** Doc D's shape with a specific code and details (analytics' own failures). */
    public static Response apiError(int status, String error, Map<String, Object> details, String code) {
        return json(status, new ApiError(error, details, code));
    }

    static boolean isDocD(String path) {
        return path.equals("/api/brands") || path.startsWith("/api/brands/");
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "ERROR";
        };
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
