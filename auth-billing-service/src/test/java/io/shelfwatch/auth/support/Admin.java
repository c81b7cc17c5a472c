package io.shelfwatch.auth.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** The admin account the test profile creates at start-up (ADMIN_EMAIL / ADMIN_PASSWORD). */
public final class Admin {

    public static final String EMAIL = "admin@test.shelfwatch.local";
    public static final String PASSWORD = "test-admin-password";

    private Admin() {
    }

    public static String loginBody() {
        return "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    public static String accessToken() {
        return given().contentType(ContentType.JSON).body(loginBody())
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("access_token");
    }
}
