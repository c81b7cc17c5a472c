package io.shelfwatch.connector.support;

import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/** Access tokens shaped like auth-billing-service's, signed with the test key Quarkus generates. */
public final class Tokens {

    private Tokens() {
    }

    public static String forUser(UUID userId, String email, String plan) {
        return token(userId, email, plan, Set.of("user"));
    }

    public static String forAdmin() {
        return token(UUID.randomUUID(), "admin@example.com", "enterprise", Set.of("user", "admin"));
    }

    private static String token(UUID userId, String email, String plan, Set<String> groups) {
        return Jwt.issuer("shelfwatch").audience("shelfwatch-api")
                .subject(userId.toString()).upn(email).groups(groups)
                .claim("plan", plan).expiresIn(900).sign();
    }
}
