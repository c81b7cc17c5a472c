package io.shelfwatch.connector.service;

import java.time.Instant;

/** An access token from Login with Amazon and when it stops working; {@link #toString()} hides the token. */
public record IssuedToken(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[token_type=" + tokenType + ", expires_at=" + expiresAt + "]";
    }
}
