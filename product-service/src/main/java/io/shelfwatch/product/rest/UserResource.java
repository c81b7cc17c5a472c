package io.shelfwatch.product.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.product.Account;
import io.shelfwatch.product.service.AccountProjectionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Doc C's `GET /api/v1/users/me`: the caller's profile from this service's copy of accounts. */
@Path("/api/v1/users/me")
@Authenticated
public class UserResource {

    public record UserProfile(
            String id,
            String email,
            @JsonProperty("is_active") boolean isActive,
            String plan,
            @JsonProperty("created_at") String createdAt) {
    }

    private final AccountProjectionService accounts;
    private final JsonWebToken jwt;

    public UserResource(AccountProjectionService accounts, JsonWebToken jwt) {
        this.accounts = accounts;
        this.jwt = jwt;
    }

    @GET
    public Uni<UserProfile> me() {
        return accounts.find(UUID.fromString(jwt.getSubject()))
                .map(account -> account != null ? fromAccount(account) : fromToken());
    }

    private static UserProfile fromAccount(Account account) {
        return new UserProfile(account.userId.toString(), account.email, account.active, account.plan,
                account.createdAt.toInstant().toString());
    }

    /**
     * A new user's account.events record may not have arrived yet (DESIGN.md): answer from the
     * token's claims rather than with a 404.
     */
    private UserProfile fromToken() {
        String plan = jwt.<String>getClaim("plan");
        String issuedAt = java.time.Instant.ofEpochSecond(jwt.getIssuedAtTime()).toString();
        return new UserProfile(jwt.getSubject(), jwt.getName(), true, plan != null ? plan : "free", issuedAt);
    }
}
