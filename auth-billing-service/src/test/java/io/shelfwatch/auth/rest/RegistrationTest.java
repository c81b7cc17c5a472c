package io.shelfwatch.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.auth.support.Contracts;
import io.shelfwatch.auth.support.Kafka;
import io.shelfwatch.auth.support.Users;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Doc E's and doc C's registration and sign-in. */
@QuarkusTest
class RegistrationTest {

    @Test
    void registeringAnswersTokensThatWorkAndAnnouncesTheAccount() {
        Users.Registered user = Users.register();
        given().auth().oauth2(user.accessToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("email", equalTo(user.email())).body("plan", equalTo("free")).body("is_active", equalTo(true));
        String id = user.id();

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("account.events"),
                    r -> id.equals(r.key()));
            Contracts.assertConforms("account.events", "account_state", record.value());
            JsonPath event = JsonPath.from(record.value());
            assertEquals(user.email(), event.getString("data.email"));
            assertEquals("free", event.getString("data.plan"));
            assertEquals(3, event.getInt("data.max_competitors"));
            assertEquals("weekly", event.getString("data.scan_frequency"));
            assertFalse(event.getBoolean("data.alerts_enabled"));
            assertEquals(java.util.List.of("user"), event.getList("data.roles"));
        }
    }

    @Test
    void aDuplicateEmailIs409WhateverItsCase() {
        Users.Registered user = Users.register();
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + user.email().toUpperCase() + "\",\"password\":\"another-password\"}")
                .post("/api/v1/auth/register").then().statusCode(409).body("detail", equalTo("Email already registered"));
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + user.email() + "\",\"password\":\"another-password\"}")
                .post("/api/v1/users/register").then().statusCode(409);
    }

    @Test
    void aShortPasswordOrABadEmailIs422() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + Users.freshEmail() + "\",\"password\":\"1234567\"}")
                .post("/api/v1/auth/register").then().statusCode(422)
                .body("detail[0].loc", contains("body", "password"));
        given().contentType(ContentType.JSON).body("{\"email\":\"not-an-email\",\"password\":\"long-enough\"}")
                .post("/api/v1/auth/register").then().statusCode(422)
                .body("detail[0].loc", contains("body", "email"));
        // A wrong JSON type is invalid input too, in the same shape (not Quarkus's own 400).
        given().contentType(ContentType.JSON).body("{\"email\":{\"nested\":true},\"password\":\"long-enough\"}")
                .post("/api/v1/auth/register").then().statusCode(422)
                .body("detail[0].loc", contains("body", "email"))
                .body("detail[0].type", equalTo("type_error"));
    }

    @Test
    void aNulCharacterInAnEmailIs422AtThatFieldInJsonAndInTheSignInForm() {
        given().contentType(ContentType.JSON).body("{\"email\":\"x\\u0000y@example.com\",\"password\":\"long-enough\"}")
                .post("/api/v1/auth/register").then().statusCode(422)
                .body("detail[0].loc", contains("body", "email"));
        given().contentType(ContentType.URLENC).formParam("username", "x\u0000y@example.com")
                .formParam("password", "long-enough")
                .post("/api/v1/users/token").then().statusCode(422)
                .body("detail[0].loc", contains("body", "username"));
    }

    @Test
    void docCRegistersWithoutPasswordInTheAnswerAndSignsInWithAForm() {
        String email = Users.freshEmail();
        given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\",\"password\":\"a_strong_password\"}")
                .post("/api/v1/users/register").then().statusCode(201)
                .body("email", equalTo(email)).body("id", notNullValue()).body("is_active", equalTo(true))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("password_hash")))
                .body("$", not(hasKey("access_token")));

        String token = given().contentType(ContentType.URLENC)
                .formParam("username", email.toUpperCase()).formParam("password", "a_strong_password")
                .post("/api/v1/users/token").then().statusCode(200)
                .body("token_type", equalTo("bearer")).body("$", not(hasKey("refresh_token")))
                .extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200).body("email", equalTo(email));

        given().contentType(ContentType.URLENC).formParam("username", email).formParam("password", "wrong-password")
                .post("/api/v1/users/token").then().statusCode(401).body("detail", equalTo("Incorrect email or password"));
        given().contentType(ContentType.URLENC).formParam("username", email)
                .post("/api/v1/users/token").then().statusCode(422);
    }
}
