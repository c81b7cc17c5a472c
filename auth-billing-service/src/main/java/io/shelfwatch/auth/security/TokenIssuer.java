package io.shelfwatch.auth.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;

import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.ApiKey;
import io.shelfwatch.auth.config.AuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
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
        return sign(claims(account, config.jwt().accessTokenTtl()));
    }

    /** The short-lived token the gateway gets for an API key: the owner's claims plus the key's `scope`. */
    public String apiKeyToken(Account account, ApiKey key) {
        return sign(claims(account, config.apiKeys().tokenTtl())
                .claim("scope", String.join(" ", key.scopeList()))
                .claim("key_prefix", key.keyPrefix));
    }

    public long apiKeyTokenTtlSeconds() {
        return config.apiKeys().tokenTtl().toSeconds();
    }

    private JwtClaimsBuilder claims(Account account, Duration ttl) {
        Instant now = Instant.now();
        return Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(account.id.toString())
                .upn(account.email)
                .groups(new HashSet<>(account.roles()))
                // For display only: services read plans from their copy of account.events.
                .claim("plan", account.plan)
                .issuedAt(now)
                .expiresAt(now.plus(ttl));
    }

    private String sign(JwtClaimsBuilder claims) {
        SigningKeyRing.LoadedKey key = ring.signingKey();
        return claims.jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.kid())
                .sign(key.privateKey());
    }
}
