package io.shelfwatch.product.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.product.Account;
import io.shelfwatch.product.Product;
import io.shelfwatch.product.service.AccountProjectionService;
import io.shelfwatch.product.service.WatchlistService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc C's `GET /api/v1/users/me` and its watchlist: the caller's profile from this service's copy of accounts. */
@Path("/api/v1/users/me")
@Authenticated
public class UserResource {

    public record UserProfile(
            String id,
            String email,
            @JsonProperty("is_active") boolean isActive,
            String plan,
            @JsonProperty("created_at") String createdAt,
            List<WatchedProduct> watchlist) {
    }

    /** A watchlist entry: the product as doc C lists products. */
    public record WatchedProduct(
            String id,
            String url,
            String title,
            String brand,
            @JsonProperty("image_url") String imageUrl,
            String sku,
            BigDecimal price,
            String currency,
            String availability) {
    }

    private final AccountProjectionService accounts;
    private final WatchlistService watchlist;
    private final JsonWebToken jwt;

    public UserResource(AccountProjectionService accounts, WatchlistService watchlist, JsonWebToken jwt) {
        this.accounts = accounts;
        this.watchlist = watchlist;
        this.jwt = jwt;
    }

    @GET
    public Uni<UserProfile> me() {
        return profile();
    }

    @POST
    @Path("/watchlist/{product_id}")
    public Uni<UserProfile> watch(@RestPath("product_id") String productId) {
        return watchlist.add(caller(), PathIds.parse(productId, "product")).flatMap(done -> profile());
    }

    @DELETE
    @Path("/watchlist/{product_id}")
    public Uni<UserProfile> unwatch(@RestPath("product_id") String productId) {
        return watchlist.remove(caller(), PathIds.parse(productId, "product")).flatMap(done -> profile());
    }

    private Uni<UserProfile> profile() {
        return watchlist.of(caller()).flatMap(products -> {
            List<WatchedProduct> watched = products.stream().map(UserResource::watched).toList();
            return accounts.find(caller())
                    .map(account -> account != null ? fromAccount(account, watched) : fromToken(watched));
        });
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }

    private static WatchedProduct watched(Product p) {
        return new WatchedProduct(p.id.toString(), p.url, p.title, p.brand, p.imageUrl, p.sku, p.price, p.currency,
                p.availability);
    }

    private static UserProfile fromAccount(Account account, List<WatchedProduct> watched) {
        return new UserProfile(account.userId.toString(), account.email, account.active, account.plan,
                account.createdAt.toInstant().toString(), watched);
    }

    /**
     * A new user's account.events record may not have arrived yet (DESIGN.md): answer from the
     * token's claims rather than with a 404.
     */
    private UserProfile fromToken(List<WatchedProduct> watched) {
        String plan = jwt.<String>getClaim("plan");
        String issuedAt = java.time.Instant.ofEpochSecond(jwt.getIssuedAtTime()).toString();
        return new UserProfile(jwt.getSubject(), jwt.getName(), true, plan != null ? plan : "free", issuedAt,
                watched);
    }
}
