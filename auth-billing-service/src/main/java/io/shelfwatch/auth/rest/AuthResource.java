package io.shelfwatch.auth.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.auth.rest.AccountViews.ApiKeyView;
import io.shelfwatch.auth.rest.AccountViews.TokenResponse;
import io.shelfwatch.auth.rest.AccountViews.UserView;
import io.shelfwatch.auth.service.AccountService;
import io.shelfwatch.auth.service.ApiKeyService;
import io.shelfwatch.auth.service.LoginService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc E's `/api/v1/auth/**`. */
@Path("/api/v1/auth")
public class AuthResource {

    public record LoginRequest(@NotBlank @Email String email, @NotBlank String password) {
    }

    public record RegisterRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull @Size(min = 8, max = 128, message = "password must be at least 8 characters") String password) {
    }

    public record RefreshRequest(@NotBlank @JsonProperty("refresh_token") String refreshToken) {
    }

    public record ProvisionRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @Size(min = 8, max = 128, message = "password must be at least 8 characters") String password) {
    }

    public record ProvisionResponse(UserView user, @JsonProperty("api_key") ApiKeyView apiKey) {
    }

    public record MeResponse(
            String id,
            String email,
            String plan,
            @JsonProperty("is_active") boolean isActive,
            @JsonProperty("created_at") String createdAt) {
    }

    private final LoginService login;
    private final AccountService accounts;
    private final JsonWebToken jwt;

    public AuthResource(LoginService login, AccountService accounts, JsonWebToken jwt) {
        this.login = login;
        this.accounts = accounts;
        this.jwt = jwt;
    }

    @POST
    @Path("/register")
    @ResponseStatus(201)
    public Uni<TokenResponse> register(@Valid @NotNull RegisterRequest request) {
        return accounts.register(request.email(), request.password()).flatMap(login::issue).map(AuthResource::bearer);
    }

    @POST
    @Path("/login")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest request) {
        return login.login(request.email(), request.password()).map(AuthResource::bearer);
    }

    @POST
    @Path("/refresh")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest request) {
        return login.refresh(request.refreshToken()).map(AuthResource::bearer);
    }

    @GET
    @Path("/me")
    @Authenticated
    public Uni<MeResponse> me() {
        return accounts.findById(UUID.fromString(jwt.getSubject()))
                .onItem().ifNull().failWith(() -> new NotAuthorizedException("Not authenticated", "Bearer"))
                .map(account -> new MeResponse(account.id.toString(), account.email, account.plan, account.active,
                        AccountViews.utc(account.createdAt)));
    }

    /** An account and its first API key for a platform integration: admins, or an API key with scope `provision`. */
    @POST
    @Path("/provision")
    @Authenticated
    @ResponseStatus(201)
    public Uni<ProvisionResponse> provision(@Valid @NotNull ProvisionRequest request) {
        if (!Callers.isAdmin(jwt) && !Callers.scopes(jwt).contains(ApiKeyService.SCOPE_PROVISION)) {
            throw new ForbiddenException("Not enough permissions");
        }
        return accounts.provision(request.email(), request.password())
                .map(created -> new ProvisionResponse(UserView.of(created.account()),
                        ApiKeyView.created(created.apiKey().key(), created.apiKey().rawKey())));
    }

    private static TokenResponse bearer(LoginService.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "bearer");
    }
}
