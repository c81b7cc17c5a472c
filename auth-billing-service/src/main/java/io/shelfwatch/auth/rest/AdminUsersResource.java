package io.shelfwatch.auth.rest;

import java.util.List;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.auth.rest.AccountViews.UserView;
import io.shelfwatch.auth.service.AccountService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** User administration; the list uses doc E's paginated envelope. */
@Path("/api/v1/admin/users")
@RolesAllowed("admin")
public class AdminUsersResource {

    public record UserPage(List<UserView> items, long total, int page, @JsonProperty("per_page") int perPage) {
    }

    private final AccountService accounts;

    public AdminUsersResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public Uni<UserPage> list(@RestQuery @DefaultValue("1") @Min(1) int page,
            @RestQuery("per_page") @DefaultValue("20") @Min(1) @Max(100) int perPage) {
        return accounts.list(page, perPage).map(result -> new UserPage(
                result.items().stream().map(UserView::of).toList(), result.total(), page, perPage));
    }

    /** The user can no longer sign in; refresh tokens and API keys stop working at once. */
    @POST
    @Path("/{id}/deactivate")
    public Uni<UserView> deactivate(@PathParam("id") String id) {
        return accounts.deactivate(Callers.pathId(id)).map(UserView::of);
    }

    /** Every service removes the user's data (account.events `deleted: true`), then the account goes. */
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public Uni<Void> delete(@PathParam("id") String id) {
        return accounts.delete(Callers.pathId(id));
    }
}
