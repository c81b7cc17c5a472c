package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Doc C's watchlist on the profile; another user's product is not found. */
@QuarkusTest
class WatchlistTest {

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
