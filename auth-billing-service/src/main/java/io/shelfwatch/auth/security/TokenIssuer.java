package io.shelfwatch.auth.security;

import java.time.Instant;
import java.util.HashSet;

import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.config.AuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

/** Signs RS256 access tokens with the ring's current key; `kid` tells verifiers which JWKS key to use. */
@ApplicationScoped
public class TokenIssuer {

    private final AuthConfig config;
    private final SigningKeyRing ring;

    public TokenIssuer(AuthConfig config, SigningKeyRing ring) {
        this.config = config;
        this.ring = ring;
    }

    public String accessToken(Account account) {
        SigningKeyRing.LoadedKey key = ring.signingKey();
        Instant now = Instant.now();
        return Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(account.id.toString())
                .upn(account.email)
                .groups(new HashSet<>(account.roles()))
                // For display only: services read plans from their copy of account.events.
                .claim("plan", account.plan)
                .issuedAt(now)
                .expiresAt(now.plus(config.jwt().accessTokenTtl()))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.kid())
                .sign(key.privateKey());
    }

    public long accessTokenTtlSeconds() {
        return config.jwt().accessTokenTtl().toSeconds();
    }
}
