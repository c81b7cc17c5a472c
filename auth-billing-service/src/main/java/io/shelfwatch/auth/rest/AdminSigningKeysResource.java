package io.shelfwatch.auth.rest;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.shelfwatch.auth.service.SigningKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Signing-key rotation: the new key signs at once, the old one stays in the JWKS until its tokens expire. */
@Path("/api/v1/admin/signing-keys")
@RolesAllowed("admin")
public class AdminSigningKeysResource {

    public record Rotated(String kid) {
    }

    private final SigningKeyService keys;

    public AdminSigningKeysResource(SigningKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Path("/rotate")
    @ResponseStatus(201)
    public Uni<Rotated> rotate() {
        return keys.rotate().map(Rotated::new);
    }
}
