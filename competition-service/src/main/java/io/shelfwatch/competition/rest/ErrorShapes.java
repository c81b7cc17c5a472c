package io.shelfwatch.competition.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error bodies of this service's paths, all in docs A, C and E's (FastAPI's) shape:
 * `422 {"detail":[{loc,msg,type}]}` for invalid input, `{"detail":"…"}` otherwise.
 */
public final class ErrorShapes {

    public record FieldError(List<Object> loc, String msg, String type) {
    }

    public record Detail(Object detail) {
    }

    private ErrorShapes() {
    }

    public static Response invalid(String path, List<FieldError> errors) {
        return json(422, new Detail(errors));
    }

    public static Response error(String path, int status, String message) {
        return json(status, new Detail(message));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
