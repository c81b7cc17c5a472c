package io.shelfwatch.auth.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Users registered through the public API, each with a fresh email. */
public final class Users {

    public static final String PASSWORD = "correct-horse-battery";

    private Users() {
    }

    public record Registered(String email, String accessToken, String refreshToken) {
        public String id() {
            return given().auth().oauth2(accessToken).get("/api/v1/auth/me").then().statusCode(200)
                    .extract().path("id");
        }
    }

    public static String freshEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public static Registered register() {
        String email = freshEmail();
        JsonPath body = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v1/auth/register").then().statusCode(201).extract().jsonPath();
        return new Registered(email, body.getString("access_token"), body.getString("refresh_token"));
    }

    public static JsonPath login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
    }
}
