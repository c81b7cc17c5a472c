package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.product.support.Tokens;

@QuarkusTest
class UserResourceTest {

    @Test
    void aUserWhoseAccountHasNotArrivedYetIsAnsweredFromTheToken() {
        UUID userId = UUID.randomUUID();
        given().auth().oauth2(Tokens.forUser(userId, "new@example.com", "free"))
                .get("/api/v1/users/me/").then().statusCode(200)
                .body("id", equalTo(userId.toString()))
                .body("email", equalTo("new@example.com"))
                .body("plan", equalTo("free"))
                .body("is_active", equalTo(true));
    }

    @Test
    void noTokenOrABadTokenIs401InFastApiShape() {
        given().get("/api/v1/users/me").then().statusCode(401).body("detail", equalTo("Not authenticated"));
        given().auth().oauth2("garbage").get("/api/v1/users/me").then().statusCode(401)
                .body("detail", equalTo("Not authenticated"));
    }

    @Test
    void everyAnswerCarriesARequestIdAndUnknownPathsAre404() {
        given().header("X-Request-Id", "from-gateway-1").get("/api/v1/nothing-here")
                .then().statusCode(404).header("X-Request-Id", equalTo("from-gateway-1"))
                .body("detail", equalTo("Not Found"));
        given().get("/api/v1/nothing-here").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems(org.hamcrest.Matchers.containsString("Kafka"),
                        org.hamcrest.Matchers.containsString("PostgreSQL")));
    }
}
