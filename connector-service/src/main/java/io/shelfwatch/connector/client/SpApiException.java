package io.shelfwatch.connector.client;

import java.util.List;

/**
 * An SP-API call that did not succeed: Amazon's status and its `errors` (code and message,
 * never a token), or a status of our own (504 deadline, 503 circuit open).
 */
public class SpApiException extends RuntimeException {

    private final int status;
    private final String operation;
    private final List<OrdersV0Models.Error> errors;

    public SpApiException(int status, String operation, String message, List<OrdersV0Models.Error> errors) {
        super(message, null, false, false);
        this.status = status;
        this.operation = operation;
        this.errors = errors == null ? List.of() : errors;
    }

    public int status() {
        return status;
    }

    public String operation() {
        return operation;
    }

    public List<OrdersV0Models.Error> errors() {
        return errors;
    }
}
