package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** Doc C's watchlist on the profile; another user's product is not found. */
@QuarkusTest
class WatchlistTest {

    @Inject
    Pool pool;

    @Test
    void untrackingAProductTakesItOffTheWatchlist() {
        UUID user = UUID.randomUUID();
        String token = TrackedProductResourceTest.token(user);
        String productId = TrackedProductResourceTest.track(user, "https://shop.example.com/u/" + UUID.randomUUID())
                .getString("id");
        given().auth().oauth2(token).post("/api/v1/users/me/watchlist/" + productId).then().statusCode(200)
                .body("watchlist.id", contains(productId));

        // Doc C: DELETE removes the product "and all its associated data".
        given().auth().oauth2(token).delete("/api/v1/products/" + productId).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200).body("watchlist", empty());
    }

    @Test
    void onesOwnEntryIsRemovedEvenForAProductNoLongerTracked() {
        UUID user = UUID.randomUUID();
        String token = TrackedProductResourceTest.token(user);
        String productId = TrackedProductResourceTest.track(user, "https://shop.example.com/l/" + UUID.randomUUID())
                .getString("id");
        // An entry an earlier untrack left behind: the product is no longer tracked, the entry is still there.
        pool.preparedQuery("DELETE FROM tracking WHERE user_id = $1 AND product_id = $2")
                .execute(Tuple.of(user, UUID.fromString(productId))).await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery("INSERT INTO watchlist (user_id, product_id, created_at) VALUES ($1, $2, now())")
                .execute(Tuple.of(user, UUID.fromString(productId))).await().atMost(Duration.ofSeconds(10));
        given().auth().oauth2(token).get("/api/v1/users/me").then().body("watchlist.id", contains(productId));

        given().auth().oauth2(token).delete("/api/v1/users/me/watchlist/" + productId).then().statusCode(200)
                .body("watchlist", empty());
        // Gone now: it cannot be watched again, nor removed again, since the caller no longer sees it.
        given().auth().oauth2(token).delete("/api/v1/users/me/watchlist/" + productId).then().statusCode(404);
        given().auth().oauth2(token).post("/api/v1/users/me/watchlist/" + productId).then().statusCode(404);
    }

    @Test
    void aTrackedProductIsWatchedAndUnwatchedAndTheProfileShowsIt() {
        UUID user = UUID.randomUUID();
        String token = TrackedProductResourceTest.token(user);
        String productId = TrackedProductResourceTest.track(user, "https://shop.example.com/w/" + UUID.randomUUID())
                .getString("id");

        given().auth().oauth2(token).post("/api/v1/users/me/watchlist/" + productId).then().statusCode(200)
                .body("id", equalTo(user.toString()))
                .body("watchlist.id", contains(productId));
        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200)
                .body("watchlist.id", contains(productId));
        given().auth().oauth2(token).delete("/api/v1/users/me/watchlist/" + productId).then().statusCode(200)
                .body("watchlist", empty());

        UUID other = UUID.randomUUID();
        given().auth().oauth2(TrackedProductResourceTest.token(other))
                .post("/api/v1/users/me/watchlist/" + productId).then().statusCode(404);
        given().auth().oauth2(token).post("/api/v1/users/me/watchlist/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(token).post("/api/v1/users/me/watchlist/nope").then().statusCode(400);
    }
}
