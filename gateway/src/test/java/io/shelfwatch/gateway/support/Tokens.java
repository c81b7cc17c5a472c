package io.shelfwatch.gateway.support;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Tokens as auth-billing-service issues them (RS256, iss shelfwatch, aud shelfwatch-api),
 * signed with a key generated once per test JVM and kept in a system property, so test
 * resources and tests agree on it whatever class loader runs them (no key file in the
 * repository); {@link JwksServer} publishes its public half.
 */
public final class Tokens {

    public static final String ISSUER = "shelfwatch";
    public static final String AUDIENCE = "shelfwatch-api";
    /** The user most tests call as. */
    public static final String USER_ID = "0b7c6f1e-2222-4c2b-9f00-00000000aaaa";

    static final RsaJsonWebKey KEY = load("test-key-1");
    /** A key auth-billing never published. */
    private static final RsaJsonWebKey FOREIGN_KEY = generate("test-key-1");

    private Tokens() {
    }

    public static String bearer() {
        return "Bearer " + forUser(USER_ID);
    }

    public static String forUser(String userId) {
        return sign(claims(userId, ISSUER, AUDIENCE, 0, 300), KEY);
    }

    /** A token whose iat and exp are shifted by the given seconds from now. */
    public static String issued(String userId, long iatOffsetSeconds, long lifetimeSeconds) {
        return sign(claims(userId, ISSUER, AUDIENCE, iatOffsetSeconds, lifetimeSeconds), KEY);
    }

    public static String withIssuerAndAudience(String issuer, String audience) {
        return sign(claims(USER_ID, issuer, audience, 0, 300), KEY);
    }

    public static String signedByAnotherKey() {
        return sign(claims(USER_ID, ISSUER, AUDIENCE, 0, 300), FOREIGN_KEY);
    }

    public static String newUserId() {
        return UUID.randomUUID().toString();
    }

    static String jwksJson() {
        return new JsonWebKeySet(List.of(KEY)).toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static JwtClaims claims(String userId, String issuer, String audience, long iatOffset, long lifetime) {
        JwtClaims claims = new JwtClaims();
        long now = System.currentTimeMillis() / 1000 + iatOffset;
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(userId);
        claims.setClaim("upn", "user-" + userId + "@example.com");
        claims.setStringListClaim("groups", "user");
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime));
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String KEY_PROPERTY = "shelfwatch.test.gateway-signing-key";

    private static RsaJsonWebKey load(String kid) {
        try {
            // Hashtable.computeIfAbsent is synchronized: the first class loader to ask generates the key.
            String pem = (String) System.getProperties().computeIfAbsent(KEY_PROPERTY, name -> Base64.getEncoder()
                    .encodeToString(generate(kid).getRsaPrivateKey().getEncoded()));
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RsaJsonWebKey key = new RsaJsonWebKey(publicKey);
            key.setPrivateKey(privateKey);
            key.setKeyId(kid);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException("test signing key unreadable", e);
        }
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
