package io.shelfwatch.gateway.auth;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;

/**
 * Verifies a bearer JWT at the edge: RS256 signature by a key of auth-billing's JWKS,
 * expiry, issuer, audience, a subject, and that account.revocations has not voided it.
 * The services verify it again themselves.
 *
 * <p>A token that passed is remembered (by its SHA-256) until it expires or for at most
 * {@code gateway.jwt.verified-cache-ttl}: parsing and the RSA check are the gateway's largest
 * cost per request, and a client sends the same token many times. Expiry and revocation are
 * checked again on every request, so a remembered token never outlives either.
 */
@ApplicationScoped
public class JwtVerifier {

    /** The token is not acceptable; the message is safe to show. */
    public static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    /** What a verified token said that later requests still need to check. */
    private record Verified(String subject, Instant issuedAt, Instant expiresAt) {
    }

    private final JwksKeys jwks;
    private final Revocations revocations;
    private final String issuer;
    private final String audience;
    private final int skewSeconds;
    private final Cache<String, Verified> verified;
    // Only parses the header to learn the key id; the real checks run in verify().
    private final JwtConsumer headerReader = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification().build();

    JwtVerifier(GatewayConfig config, JwksKeys jwks, Revocations revocations) {
        this.jwks = jwks;
        this.revocations = revocations;
        this.issuer = config.jwt().issuer();
        this.audience = config.jwt().audience();
        this.skewSeconds = (int) config.jwt().clockSkew().toSeconds();
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.jwt().verifiedCacheSize())
                .expireAfterWrite(config.jwt().verifiedCacheTtl())
                // Upkeep on the calling event loop: on the default common pool, reads would wake a ForkJoin thread.
                .executor(Runnable::run)
                .build();
    }

    /** The verified token's subject (the user id). */
    public Uni<String> verify(String token) {
        String tokenHash = ApiKeyExchange.sha256(token);
        Verified known = verified.getIfPresent(tokenHash);
        if (known != null) {
            try {
                return Uni.createFrom().item(stillValid(known));
            } catch (InvalidTokenException e) {
                verified.invalidate(tokenHash);
                return Uni.createFrom().failure(e);
            }
        }
        String kid;
        try {
            JwtContext parsed = headerReader.process(token);
            // Refused before its signature is checked: an expired token fails whatever its signature, and a
            // client that keeps sending its stale one must not cost an RSA check (or a JWKS refetch) each time.
            NumericDate expiry = parsed.getJwtClaims().getExpirationTime();
            if (expiry != null && expired(Instant.ofEpochSecond(expiry.getValue()))) {
                return Uni.createFrom().failure(new InvalidTokenException("Token has expired"));
            }
            kid = parsed.getJoseObjects().get(0).getKeyIdHeaderValue();
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | RuntimeException e) {
            return Uni.createFrom().failure(new InvalidTokenException("Could not validate credentials"));
        }
        return jwks.keysFor(kid).map(keys -> {
            Verified checked = check(token, keys);
            verified.put(tokenHash, checked);
            return checked.subject();
        });
    }

    /** Past its expiry, with the skew. */
    private boolean expired(Instant expiresAt) {
        return expiresAt.plusSeconds(skewSeconds).isBefore(Instant.now());
    }

    /** The checks a remembered token must pass again: not expired (with the skew), not revoked. */
    private String stillValid(Verified known) {
        if (expired(known.expiresAt())) {
            throw new InvalidTokenException("Token has expired");
        }
        if (known.issuedAt() != null && revocations.isRevoked(known.subject(), known.issuedAt())) {
            throw new InvalidTokenException("Token has been revoked");
        }
        return known.subject();
    }

    private Verified check(String token, List<JsonWebKey> keys) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(skewSeconds)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Instant issuedAt = claims.getIssuedAt() == null ? null : Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            Verified checked = new Verified(claims.getSubject(), issuedAt,
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
            stillValid(checked);
            return checked;
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(e.hasExpired() ? "Token has expired" : "Could not validate credentials");
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new InvalidTokenException("Could not validate credentials");
        }
    }
}
