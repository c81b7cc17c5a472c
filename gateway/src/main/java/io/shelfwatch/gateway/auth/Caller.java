package io.shelfwatch.gateway.auth;

/**
 * Who is calling, as the edge established it before forwarding. {@code forwardToken} is the
 * JWT that goes upstream in {@code Authorization} when the gateway made it (API-key exchange);
 * null when the client's own header goes through unchanged.
 */
public record Caller(Kind kind, String userId, String forwardToken, boolean rateLimitExempt, String rejection) {

    public enum Kind {
        ANONYMOUS, SIGNED_IN, REJECTED
    }

    public static final String CONTEXT_KEY = "shelfwatch.caller";

    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null, false, null);

    public static Caller signedIn(String userId) {
        return new Caller(Kind.SIGNED_IN, userId, null, false, null);
    }

    public static Caller viaApiKey(String userId, String token, boolean exempt) {
        return new Caller(Kind.SIGNED_IN, userId, token, exempt, null);
    }

    /** Credentials were sent but are not good; {@code message} is what the client sees. */
    public static Caller rejected(String message) {
        return new Caller(Kind.REJECTED, null, null, false, message);
    }

    public boolean signedIn() {
        return kind == Kind.SIGNED_IN;
    }
}
