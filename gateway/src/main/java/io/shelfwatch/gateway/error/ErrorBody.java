package io.shelfwatch.gateway.error;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;

/**
 * The body of an error the gateway makes itself. Its shape follows the path, as DESIGN.md
 * (Conventions, Errors) says: doc D's on /api/brands/**, doc B's on the other /api/** paths
 * outside /api/v1, FastAPI's everywhere else. This is the only place that choice is made.
 */
public final class ErrorBody {

    public static final String CONTENT_TYPE = "application/json";

    private ErrorBody() {
    }

    /** The JSON body for {@code status} on {@code path} (a normalized request path). */
    public static String json(String path, int status, String message) {
        if (isUnder(path, "/api/brands")) {
            // doc D: a machine-readable code beside the message, details always an object
            return new JsonObject()
                    .put("error", message)
                    .put("details", new JsonObject())
                    .put("code", code(status))
                    .encode();
        }
        if (isUnder(path, "/api") && !isUnder(path, "/api/v1")) {
            // doc B (Django): details present but empty
            return new JsonObject().put("error", message).putNull("details").encode();
        }
        return new JsonObject().put("detail", message).encode();
    }

    /** NOT_FOUND, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, ... from the status's reason phrase. */
    static String code(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase().toUpperCase().replace(' ', '_');
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
