package io.shelfwatch.etl.extract;

/** Why a page could not be fetched, in words fit for the job's record (no secrets, no stack trace). */
public class FetchException extends RuntimeException {

    public enum Kind {
        /** Never attempted: the address is forbidden (SSRF) or the URL is not http(s). */
        REFUSED,
        /** Worth another attempt: 429, 5xx, a connection error or a timeout. */
        RETRYABLE,
        /** Attempted and failed for good (4xx, too large, too many redirects). */
        FAILED
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean refused() {
        return kind == Kind.REFUSED;
    }

    public boolean retryable() {
        return kind == Kind.RETRYABLE;
    }
}
