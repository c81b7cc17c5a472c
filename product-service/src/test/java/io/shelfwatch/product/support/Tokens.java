package io.shelfwatch.product.support;

import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/** Access tokens shaped like auth-billing-service's, signed with the test key Quarkus generates. */
public final class Tokens {

    private Tokens() {
    }

    public static String forUser(UUID userId, String email, String plan) {
        return Jwt.issuer("shelfwatch").audience("shelfwatch-api")
                .subject(userId.toString()).upn(email).groups(Set.of("user"))
                .claim("plan", plan).expiresIn(900).sign();
    }
}
