package io.shelfwatch.auth.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.auth.support.Users;
import jakarta.inject.Inject;

/** Forged, expired and foreign tokens are all 401; a well-formed one with our key is accepted. */
@QuarkusTest
class TokenRejectionTest {

    @Inject
    SigningKeyRing ring;

    private JwtClaims claims(String subject, String issuer, String audience, long expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", "someone@example.com");
        claims.setStringListClaim("groups", List.of("user", "admin"));
        claims.setIssuedAtToNow();
        NumericDate exp = NumericDate.now();
        exp.addSeconds(expiresInSeconds);
        claims.setExpirationTime(exp);
        return claims;
    }

    private String sign(JwtClaims claims, String alg, Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(ring.signingKey().kid());
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private String subject() {
        return Users.register().id();
    }

    private static void assertRejected(String token) {
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(401)
                .body("detail", equalTo("Not authenticated"));
    }

    @Test
    void aTokenSignedWithOurKeyIsAccepted() throws Exception {
        String token = sign(claims(subject(), "shelfwatch", "shelfwatch-api", 300), AlgorithmIdentifiers.RSA_USING_SHA256,
                ring.signingKey().privateKey());
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void algNoneIsRejected() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims(subject(), "shelfwatch", "shelfwatch-api", 300).toJson()
                .getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + payload + ".");
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRejected() throws Exception {
        String subject = subject();
        byte[] publicKey = ring.signingKey().publicKey().getEncoded();
        assertRejected(sign(claims(subject, "shelfwatch", "shelfwatch-api", 300), AlgorithmIdentifiers.HMAC_SHA256,
                new HmacKey(publicKey)));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey)
                + "\n-----END PUBLIC KEY-----\n";
        assertRejected(sign(claims(subject, "shelfwatch", "shelfwatch-api", 300), AlgorithmIdentifiers.HMAC_SHA256,
                new HmacKey(pem.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aWrongSignatureIsRejected() throws Exception {
        // Same kid, another private key.
        assertRejected(sign(claims(subject(), "shelfwatch", "shelfwatch-api", 300), AlgorithmIdentifiers.RSA_USING_SHA256,
                RsaKeys.generate().getPrivate()));
    }

    @Test
    void anExpiredTokenIsRejectedBeyondTheClockSkew() throws Exception {
        assertRejected(sign(claims(subject(), "shelfwatch", "shelfwatch-api", -120), AlgorithmIdentifiers.RSA_USING_SHA256,
                ring.signingKey().privateKey()));
    }

    @Test
    void aWrongIssuerOrAudienceIsRejected() throws Exception {
        String subject = subject();
        assertRejected(sign(claims(subject, "someone-else", "shelfwatch-api", 300), AlgorithmIdentifiers.RSA_USING_SHA256,
                ring.signingKey().privateKey()));
        assertRejected(sign(claims(subject, "shelfwatch", "another-api", 300), AlgorithmIdentifiers.RSA_USING_SHA256,
                ring.signingKey().privateKey()));
    }
}
