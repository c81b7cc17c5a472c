package io.shelfwatch.connector.service;

/**
 * An operation over several marketplaces in which none succeeded: the caller gets doc B's error
 * shape with the status of the first failure and every marketplace's result as `details`.
 */
public class OperationFailedException extends RuntimeException {

    private final int status;
    private final transient Object details;

    public OperationFailedException(int status, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public Object details() {
        return details;
    }
}
