package io.shelfwatch.auth.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.auth.rest.AccountViews.ApiKeyView;
import io.shelfwatch.auth.service.ApiKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

/** Doc E's `/api/v1/api-keys`: the caller's own keys. */
@Path("/api/v1/api-keys")
@Authenticated
public class ApiKeysResource {

    public record CreateRequest(
            @Size(max = 100) String name,
            @Size(max = 20) List<@Pattern(regexp = "[a-z][a-z0-9:_.-]{0,63}", message = "invalid scope") String> scopes,
            @Future @JsonProperty("expires_at") OffsetDateTime expiresAt) {
    }

    private final ApiKeyService keys;
    private final JsonWebToken jwt;

    public ApiKeysResource(ApiKeyService keys, JsonWebToken jwt) {
        this.keys = keys;
        this.jwt = jwt;
    }

    /**
     * The raw key is in this answer only. Doc E shows the call without a body: declaring JSON lets a
     * request with no body and no Content-Type be read as JSON (an empty body reads as null) instead of 415.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public Uni<ApiKeyView> create(@Valid CreateRequest request) {
        CreateRequest body = request != null ? request : new CreateRequest(null, null, null);
        // Only an admin may hand out the right to create accounts (DESIGN.md, `provision`).
        if (body.scopes() != null && body.scopes().contains(ApiKeyService.SCOPE_PROVISION) && !Callers.isAdmin(jwt)) {
            throw new ForbiddenException("Only an admin may create a key with scope provision");
        }
        return keys.create(Callers.userId(jwt), body.name(), body.scopes(), body.expiresAt())
                .map(created -> ApiKeyView.created(created.key(), created.rawKey()));
    }

    @GET
    public Uni<List<ApiKeyView>> list() {
        return keys.list(Callers.userId(jwt)).map(all -> all.stream().map(ApiKeyView::listed).toList());
    }

    /** Marks the key inactive (it is kept, listed as inactive); another user's key is 404. */
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public Uni<Void> revoke(@PathParam("id") String id) {
        return keys.revoke(Callers.userId(jwt), Callers.pathId(id));
    }
}
