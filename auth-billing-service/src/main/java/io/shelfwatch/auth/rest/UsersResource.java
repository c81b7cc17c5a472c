package io.shelfwatch.auth.rest;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.auth.config.NulFreeStrings;
import io.shelfwatch.auth.rest.AccountViews.UserView;
import io.shelfwatch.auth.security.TokenIssuer;
import io.shelfwatch.auth.service.AccountService;
import io.shelfwatch.auth.service.LoginService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** Doc C's registration and OAuth2 password-form sign-in (its `/users/me` is product-service's). */
@Path("/api/v1/users")
public class UsersResource {

    public record AccessToken(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType) {
    }

    private final AccountService accounts;
    private final LoginService login;
    private final TokenIssuer issuer;

    public UsersResource(AccountService accounts, LoginService login, TokenIssuer issuer) {
        this.accounts = accounts;
        this.login = login;
        this.issuer = issuer;
    }

    @POST
    @Path("/register")
    @ResponseStatus(201)
    public Uni<UserView> register(@Valid @NotNull AuthResource.RegisterRequest request) {
        return accounts.register(request.email(), request.password()).map(UserView::of);
    }

    /**
     * `username` is the email. Only an access token: doc C has no refresh. A form is not JSON, so
     * the NUL character PostgreSQL cannot compare is refused here rather than by {@link NulFreeStrings}.
     */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<AccessToken> token(
            @RestForm @NotBlank @Pattern(regexp = "[^\\x00]*", message = "must not contain the NUL character") String username,
            @RestForm @NotBlank String password) {
        return login.authenticate(username, password).map(account -> new AccessToken(issuer.accessToken(account),
                "bearer"));
    }
}
