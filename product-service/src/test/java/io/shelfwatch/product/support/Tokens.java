package io.shelfwatch.product.support;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/** Access tokens shaped like auth-billing-service's, signed with the test key Quarkus generates. */
public final class Tokens {

    private Tokens() {
    }

    public static String forUser(UUID userId, String email, String plan) {
        return issuedAt(userId, email, plan, Instant.now());
    }

    /** A token issued at a given instant (whole seconds, as every JWT's iat), valid for 15 minutes from now. */
    public static String issuedAt(UUID userId, String email, String plan, Instant issuedAt) {
        return Jwt.issuer("shelfwatch").audience("shelfwatch-api")
                .subject(userId.toString()).upn(email).groups(Set.of("user"))
                .claim("plan", plan).issuedAt(issuedAt).expiresAt(Instant.now().plusSeconds(900)).sign();
    }
}
