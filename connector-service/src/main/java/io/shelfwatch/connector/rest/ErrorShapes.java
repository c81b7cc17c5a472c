package io.shelfwatch.connector.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error bodies of this service's paths: doc B's `{"error": "…", "details": …}` on its
 * `/api/**` paths (invalid input is a 400 there), FastAPI's `{"detail": …}` on `/api/v1/**`.
 */
public final class ErrorShapes {

    public record FieldError(List<Object> loc, String msg, String type) {
    }

    public record Detail(Object detail) {
    }

    /** Doc B's error body; `details` is null when there is nothing more to say. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApiError(String error, Object details) {
    }

    private ErrorShapes() {
    }

    public static Response invalid(String path, List<FieldError> errors) {
        if (isDocB(path)) {
            return json(400, new ApiError("Invalid or missing parameters", errors));
        }
        return json(422, new Detail(errors));
    }

    public static Response error(String path, int status, String message) {
        if (isDocB(path)) {
            return json(status, new ApiError(message, null));
        }
        return json(status, new Detail(message));
    }

    static boolean isDocB(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/v1/");
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
