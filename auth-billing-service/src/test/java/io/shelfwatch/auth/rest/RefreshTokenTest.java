package io.shelfwatch.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.auth.support.Users;

/** Refresh tokens rotate on every use; presenting a used one revokes its whole family. */
@QuarkusTest
class RefreshTokenTest {

    static io.restassured.response.ValidatableResponse refresh(String token) {
        return given().contentType(ContentType.JSON).body("{\"refresh_token\":\"" + token + "\"}")
                .post("/api/v1/auth/refresh").then();
    }

    @Test
    void eachRefreshGivesANewPairAndTheOldTokenStopsWorking() {
        Users.Registered user = Users.register();
        JsonPath first = refresh(user.refreshToken()).statusCode(200).body("token_type", equalTo("bearer"))
                .extract().jsonPath();
        assertNotEquals(user.refreshToken(), first.getString("refresh_token"));
        given().auth().oauth2(first.getString("access_token")).get("/api/v1/auth/me").then().statusCode(200);
        JsonPath second = refresh(first.getString("refresh_token")).statusCode(200).extract().jsonPath();
        refresh(second.getString("refresh_token")).statusCode(200);
    }

    @Test
    void reusingARefreshTokenRevokesTheWholeFamily() {
        Users.Registered user = Users.register();
        String rotated = refresh(user.refreshToken()).statusCode(200).extract().path("refresh_token");

        // A thief replays the first token: refused, and the legitimate holder's newer token dies with it.
        refresh(user.refreshToken()).statusCode(401).body("detail", equalTo("Invalid refresh token"));
        refresh(rotated).statusCode(401);

        // Another sign-in starts a new family, untouched.
        String other = Users.login(user.email(), Users.PASSWORD).getString("refresh_token");
        refresh(other).statusCode(200);
    }

    @Test
    void anUnknownRefreshTokenIs401AndAMissingOneIs422() {
        refresh("no-such-token").statusCode(401).body("detail", equalTo("Invalid refresh token"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/refresh").then().statusCode(422);
    }
}
