package io.shelfwatch.gateway.error;

/**
 * The errors the gateway answers itself, each with the message clients see. Messages are
 * fixed text: nothing from an exception ever reaches a response.
 */
public enum GatewayError {
    MALFORMED_PATH(400, "Malformed request path: a % must start an escape such as %2F"),
    NOT_AUTHENTICATED(401, "Not authenticated"),
    NOT_FOUND(404, "Not Found"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    TOO_MANY_REQUESTS(429, "Rate limit exceeded"),
    BAD_GATEWAY(502, "The upstream service failed to answer"),
    SERVICE_UNAVAILABLE(503, "The upstream service is unavailable"),
    CIRCUIT_OPEN(503, "The upstream service is failing; the gateway stopped sending it requests for a moment, retry later"),
    AUTH_UNAVAILABLE(503, "Authentication is unavailable at the moment, retry later"),
    GATEWAY_TIMEOUT(504, "The upstream service did not answer in time");

    private final int status;
    private final String message;

    GatewayError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public String body(String path) {
        return ErrorBody.json(path, status, message);
    }
}
