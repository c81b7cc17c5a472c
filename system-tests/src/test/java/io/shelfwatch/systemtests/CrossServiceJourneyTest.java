package io.shelfwatch.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Journeys that only work when the services talk to each other over Kafka and HTTP. */
class CrossServiceJourneyTest {

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
        RestAssured.baseURI = Suite.gatewayUrl();
    }

    @Test
    void anIngestedObservationIsReadableFromTheCatalogWithinSeconds() {
        String token = FirstJourneyTest.adminToken();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"asin\":\"b0st000001\",\"source\":\"system-test\",\"event_type\":\"product_snapshot\","
                        + "\"raw_data\":{\"title\":\"Journey Earbuds\",\"price\":24.99,\"currency\":\"USD\",\"bsr\":321}}")
                .post("/v1/etl/events/ingest").then().statusCode(200);

        // ingest -> product.raw-events -> etl pipeline -> price.updates -> product-service catalog
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/v1/products/B0ST000001").then().statusCode(200)
                .body("data.asin", equalTo("B0ST000001"))
                .body("data.title", equalTo("Journey Earbuds"))
                .body("data.latest_price", equalTo(24.99f)));
    }

    @Test
    void anApiKeyWorksThroughTheGatewayUntilItIsRevoked() {
        String token = FirstJourneyTest.adminToken();
        var created = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"system-test\"}")
                .post("/api/v1/api-keys").then().statusCode(201)
                .body("key", startsWith("sw_")).extract().jsonPath();
        String key = created.getString("key");
        String id = created.getString("id");

        // The gateway exchanges the key at auth-billing-service for a JWT the services accept.
        given().header("X-API-Key", key).get("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(Suite.ADMIN_EMAIL));
        given().header("X-API-Key", key).get("/api/v1/auth/me").then().statusCode(200);

        given().auth().oauth2(token).delete("/api/v1/api-keys/" + id).then().statusCode(204);
        // account.revocations reaches the gateway, which drops its cached exchange.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-API-Key", key)
                .get("/api/v1/users/me").then().statusCode(401));
    }

    @Test
    void theEdgeRefusesWhatIsNotPublic() {
        given().get("/q/openapi").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"api_key\":\"x\"}")
                .post("/internal/api-keys/exchange").then().statusCode(404);
        given().auth().oauth2("not-a-jwt").get("/api/v1/users/me").then().statusCode(401)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        given().get("/api/v1/billing/plans").then().statusCode(200).body("tier", org.hamcrest.Matchers
                .contains("free", "pro", "enterprise"));
    }
}
