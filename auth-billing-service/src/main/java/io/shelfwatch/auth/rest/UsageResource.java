package io.shelfwatch.auth.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.shelfwatch.auth.service.UsageService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Doc E's `GET /api/v1/usage`: counts from the `usage` topic, limits from the caller's plan. */
@Path("/api/v1/usage")
@Authenticated
public class UsageResource {

    private final UsageService usage;
    private final JsonWebToken jwt;

    public UsageResource(UsageService usage, JsonWebToken jwt) {
        this.usage = usage;
        this.jwt = jwt;
    }

    @GET
    public Uni<UsageService.Usage> usage() {
        return usage.forUser(Callers.userId(jwt));
    }
}
