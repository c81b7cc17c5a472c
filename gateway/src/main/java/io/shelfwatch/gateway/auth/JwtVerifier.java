package io.shelfwatch.gateway.auth;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;

/**
 * Verifies a bearer JWT at the edge: RS256 signature by a key of auth-billing's JWKS,
 * expiry, issuer, audience, a subject, and that account.revocations has not voided it.
 * The services verify it again themselves.
 */
@ApplicationScoped
public class JwtVerifier {

    /** The token is not acceptable; the message is safe to show. */
    public static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    private final JwksKeys jwks;
    private final Revocations revocations;
    private final String issuer;
    private final String audience;
    private final int skewSeconds;
    // Only parses the header to learn the key id; the real checks run in verify().
    private final JwtConsumer headerReader = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification().build();

    JwtVerifier(GatewayConfig config, JwksKeys jwks, Revocations revocations) {
        this.jwks = jwks;
        this.revocations = revocations;
        this.issuer = config.jwt().issuer();
        this.audience = config.jwt().audience();
        this.skewSeconds = (int) config.jwt().clockSkew().toSeconds();
    }

    /** The verified token's subject (the user id). */
    public Uni<String> verify(String token) {
        String kid;
        try {
            JwtContext parsed = headerReader.process(token);
            kid = parsed.getJoseObjects().get(0).getKeyIdHeaderValue();
        } catch (InvalidJwtException | RuntimeException e) {
            return Uni.createFrom().failure(new InvalidTokenException("Could not validate credentials"));
        }
        return jwks.keysFor(kid).map(keys -> check(token, keys));
    }

    private String check(String token, List<JsonWebKey> keys) {
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
            String subject = claims.getSubject();
            if (claims.getIssuedAt() != null
                    && revocations.isRevoked(subject, Instant.ofEpochSecond(claims.getIssuedAt().getValue()))) {
                throw new InvalidTokenException("Token has been revoked");
            }
            return subject;
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(e.hasExpired() ? "Token has expired" : "Could not validate credentials");
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new InvalidTokenException("Could not validate credentials");
        }
    }
}
