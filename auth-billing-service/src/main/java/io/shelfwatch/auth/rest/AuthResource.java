package io.shelfwatch.auth.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.auth.service.AccountService;
import io.shelfwatch.auth.service.LoginService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc E's `/api/v1/auth/**`. */
@Path("/api/v1/auth")
public class AuthResource {

    public record LoginRequest(@NotBlank @Email String email, @NotBlank String password) {
    }

    public record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType) {
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
    @Path("/login")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest request) {
        return login.login(request.email(), request.password())
                .map(tokens -> new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "bearer"));
    }

    @GET
    @Path("/me")
    @Authenticated
    public Uni<MeResponse> me() {
        return accounts.findById(UUID.fromString(jwt.getSubject()))
                .onItem().ifNull().failWith(() -> new NotAuthorizedException("Not authenticated", "Bearer"))
                .map(account -> new MeResponse(account.id.toString(), account.email, account.plan, account.active,
                        account.createdAt.toInstant().toString()));
    }
}
