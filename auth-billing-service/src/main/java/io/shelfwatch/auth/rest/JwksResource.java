package io.shelfwatch.auth.rest;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.Cache;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import io.shelfwatch.auth.security.SigningKeyRing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public halves of every key in use, for the services that verify our tokens. */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeyRing ring;

    public JwksResource(SigningKeyRing ring) {
        this.ring = ring;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Cache(maxAge = 300)
    public Map<String, List<Map<String, Object>>> keys() {
        return Map.of("keys", ring.all().stream().map(key -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }).toList());
    }
}
