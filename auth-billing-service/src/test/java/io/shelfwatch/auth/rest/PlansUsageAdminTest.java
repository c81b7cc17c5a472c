package io.shelfwatch.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.auth.support.Admin;
import io.shelfwatch.auth.support.Contracts;
import io.shelfwatch.auth.support.Kafka;
import io.shelfwatch.auth.support.Users;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class PlansUsageAdminTest {

    @Test
    void thePlansAreDocEsThreeTiersAndPublic() {
        given().get("/api/v1/billing/plans/").then().statusCode(200)
                .body("$", hasSize(3))
                .body("tier", contains("free", "pro", "enterprise"))
                .body("name", contains("Free", "Pro", "Enterprise"))
                .body("price_monthly", contains(0, 29, 99))
                .body("max_competitors", contains(3, 25, -1))
                .body("max_products", contains(50, 2500, -1))
                .body("scan_frequency", contains("weekly", "daily", "hourly"))
                .body("[0].features", contains("Basic tracking", "No alerts", "No source finding"))
                .body("[1].features", contains("Price alerts", "Source finding", "API access"))
                .body("[2].features", contains("All alerts + API", "Bulk source finding", "Priority support"))
                .body("[0]", not(hasKey("trial_days")))
                .body("[1].trial_days", equalTo(14)).body("[2].trial_days", equalTo(14));
    }

    @Test
    void usageComesFromTheUsageTopicAndThePlan() {
        Users.Registered user = Users.register();
        String userId = user.id();
        given().auth().oauth2(user.accessToken()).get("/api/v1/usage").then().statusCode(200)
                .body("competitors_used", equalTo(0)).body("competitors_limit", equalTo(3))
                .body("products_tracked", equalTo(0)).body("products_limit", equalTo(50));

        String products = """
                {"event_id":"%s","type":"usage_count","occurred_at":"%s",
                 "data":{"user_id":"%s","metric":"products_tracked","count":35,"limit":50,"limit_reached":false}}
                """.formatted(UUID.randomUUID(), Instant.now(), userId);
        String competitors = """
                {"event_id":"%s","type":"usage_count","occurred_at":"%s",
                 "data":{"user_id":"%s","metric":"competitors","count":2,"limit":3,"limit_reached":false}}
                """.formatted(UUID.randomUUID(), Instant.now(), userId);
        Contracts.assertConforms("usage", "usage_count", products);
        Contracts.assertConforms("usage", "usage_count", competitors);
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("usage"), userId, products),
                    new ProducerRecord<>(Kafka.topic("usage"), userId, competitors)).awaitCompletion();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(user.accessToken()).get("/api/v1/usage").then().statusCode(200)
                        .body("competitors_used", equalTo(2)).body("products_tracked", equalTo(35)));
        given().get("/api/v1/usage").then().statusCode(401);
    }

    @Test
    void adminsListDeactivateAndDeleteUsers() {
        Users.Registered user = Users.register();
        String userId = user.id();
        String apiKey = ApiKeysTest.createKey(user.accessToken(), "{}").getString("key");
        String admin = Admin.accessToken();

        given().auth().oauth2(user.accessToken()).get("/api/v1/admin/users").then().statusCode(403);
        given().auth().oauth2(admin).queryParam("per_page", 100).get("/api/v1/admin/users").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2)).body("page", equalTo(1)).body("per_page", equalTo(100));
        given().auth().oauth2(admin).queryParam("per_page", 101).get("/api/v1/admin/users").then().statusCode(422);

        given().auth().oauth2(admin).post("/api/v1/admin/users/" + userId + "/deactivate").then().statusCode(200)
                .body("is_active", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"email\":\"" + user.email() + "\",\"password\":\"" + Users.PASSWORD + "\"}")
                .post("/api/v1/auth/login").then().statusCode(401);
        RefreshTokenTest.refresh(user.refreshToken()).statusCode(401);
        ApiKeysTest.exchange(apiKey).statusCode(401);

        given().auth().oauth2(admin).delete("/api/v1/admin/users/" + userId).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/admin/users/" + userId).then().statusCode(404);
        given().auth().oauth2(admin).delete("/api/v1/admin/users/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(user.accessToken()).get("/api/v1/auth/me").then().statusCode(401);

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> deleted = Kafka.awaitRecord(kafka, Kafka.topic("account.events"),
                    r -> userId.equals(r.key()) && r.value().contains("\"deleted\":true"));
            Contracts.assertConforms("account.events", "account_state", deleted.value());
            ConsumerRecord<String, String> deactivated = Kafka.awaitRecord(kafka, Kafka.topic("account.events"),
                    r -> userId.equals(r.key()) && r.value().contains("\"is_active\":false")
                            && r.value().contains("\"deleted\":false"));
            Contracts.assertConforms("account.events", "account_state", deactivated.value());
            ConsumerRecord<String, String> revoked = Kafka.awaitRecord(kafka, Kafka.topic("account.revocations"),
                    r -> userId.equals(r.key()) && r.value().contains("tokens_revoked"));
            Contracts.assertConforms("account.revocations", "tokens_revoked", revoked.value());
            assertEquals("deactivated", JsonPath.from(revoked.value()).getString("data.reason"));
        }
    }

    @Test
    void aPagePastTheEndIsEmptyWithTheRealTotalEvenAtTheLargestPage() {
        Users.register();
        String admin = Admin.accessToken();
        given().auth().oauth2(admin).queryParam("page", Integer.MAX_VALUE).queryParam("per_page", 100)
                .get("/api/v1/admin/users").then().statusCode(200)
                .body("items", hasSize(0)).body("total", greaterThanOrEqualTo(2))
                .body("page", equalTo(Integer.MAX_VALUE)).body("per_page", equalTo(100));
    }

    @Test
    void aPageNumberThatIsNotAnIntegerIs422NamingTheParameter() {
        String admin = Admin.accessToken();
        given().auth().oauth2(admin).queryParam("per_page", "ten").get("/api/v1/admin/users").then().statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].loc", contains("query", "per_page"))
                .body("detail[0].msg", equalTo("value is not a valid integer"))
                .body("detail[0].type", equalTo("type_error.integer"));
        // Too large for an int is not an integer either.
        given().auth().oauth2(admin).queryParam("page", "99999999999").get("/api/v1/admin/users").then().statusCode(422)
                .body("detail[0].loc", contains("query", "page"));
        // A real 404 stays one.
        given().auth().oauth2(admin).delete("/api/v1/admin/users/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", equalTo("User not found"));
        // RESTEasy's own text for a path under a resource that no method serves stays inside: just "Not Found".
        given().auth().oauth2(admin).get("/api/v1/admin/users/" + UUID.randomUUID() + "/no-such-part").then()
                .statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void rotatingTheSigningKeyKeepsOldTokensValid() {
        String before = Admin.accessToken();
        int keysBefore = given().get("/.well-known/jwks.json").then().extract().path("keys.size()");
        given().auth().oauth2(Users.register().accessToken()).post("/api/v1/admin/signing-keys/rotate")
                .then().statusCode(403);
        String kid = given().auth().oauth2(before).post("/api/v1/admin/signing-keys/rotate").then().statusCode(201)
                .extract().path("kid");

        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys", hasSize(keysBefore + 1)).body("keys.kid", hasItem(kid));
        given().auth().oauth2(before).get("/api/v1/auth/me").then().statusCode(200);
        String after = Admin.accessToken();
        String header = new String(java.util.Base64.getUrlDecoder().decode(after.split("\\.")[0]));
        assertEquals(kid, JsonPath.from(header).getString("kid"), "the new key signs");
        given().auth().oauth2(after).get("/api/v1/auth/me").then().statusCode(200);
        List<String> kids = given().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertEquals(kid, kids.get(0));
    }
}
