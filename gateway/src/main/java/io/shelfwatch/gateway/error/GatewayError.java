package io.shelfwatch.gateway.error;

/**
 * The errors the gateway answers itself, each with the message clients see. Messages are
 * fixed text: nothing from an exception ever reaches a response.
 */
public enum GatewayError {
    NOT_FOUND(404, "Not Found"),
    BAD_GATEWAY(502, "The upstream service failed to answer"),
    SERVICE_UNAVAILABLE(503, "The upstream service is unavailable"),
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

    public String body(String path) {
        return ErrorBody.json(path, status, message);
    }
}
