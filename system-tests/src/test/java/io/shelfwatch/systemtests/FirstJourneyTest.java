package io.shelfwatch.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * An admin signs in through the gateway and reaches every service with that one token:
 * the services verify it against auth-billing-service's JWKS over real HTTP.
 */
class FirstJourneyTest {

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
        RestAssured.baseURI = Suite.gatewayUrl();
    }

    static String adminToken() {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + Suite.ADMIN_EMAIL + "\",\"password\":\"" + Suite.ADMIN_PASSWORD + "\"}")
                .post("/api/v1/auth/login")
                .then().statusCode(200).body("token_type", equalTo("bearer"))
                .extract().path("access_token");
    }

    @Test
    void theGatewayReportsEveryServiceUp() {
        given().get("/health").then().statusCode(200)
                .body("status", equalTo("ok"))
                .body("services.auth-billing-service", equalTo("UP"))
                .body("services.product-service", equalTo("UP"))
                .body("services.etl-service", equalTo("UP"))
                .body("services.competition-service", equalTo("UP"))
                .body("services.connector-service", equalTo("UP"));
    }

    @Test
    void oneAdminTokenIsAcceptedByEveryService() {
        String token = adminToken();

        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200)
                .body("email", equalTo(Suite.ADMIN_EMAIL));
        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(Suite.ADMIN_EMAIL));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"asin\":\"B0CX23V2ZK\",\"source\":\"system-test\",\"event_type\":\"product_snapshot\","
                        + "\"raw_data\":{\"price\":19.99,\"currency\":\"USD\"}}")
                .post("/v1/etl/events/ingest").then().statusCode(200)
                .body("status", equalTo("accepted")).body("event_id", notNullValue());
        given().auth().oauth2(token).get("/api/v1/competitors/").then().statusCode(200)
                .body("total", equalTo(0)).body("page", equalTo(1));
        given().auth().oauth2(token).get("/api/connection-status/").then().statusCode(200)
                .body("isConnected", equalTo(false));
    }

    @Test
    void withoutATokenEveryServiceSays401InItsDocumentsShape() {
        given().get("/api/v1/auth/me").then().statusCode(401).body("detail", equalTo("Not authenticated"));
        given().get("/api/v1/users/me").then().statusCode(401).body("detail", equalTo("Not authenticated"));
        given().contentType(ContentType.JSON).body("{}").post("/v1/etl/events/ingest").then().statusCode(401);
        given().get("/api/v1/competitors").then().statusCode(401);
        given().get("/api/connection-status/").then().statusCode(401).body("error", equalTo("Not authenticated"));
    }

    @Test
    void theAdminsAccountReachesProductServiceThroughKafka() {
        String token = adminToken();
        String createdAt = given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200)
                .extract().path("created_at");
        // Until account.events arrives, product-service answers from the token (created_at = issued-at);
        // then from its own copy, which carries the account's real creation time.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/users/me").then().statusCode(200).body("created_at", equalTo(createdAt)));
    }

    @Test
    void requestIdsAreSetByTheGatewayAndKeptWhenGiven() {
        given().get("/api/v1/health").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("status", equalTo("ok"));
        given().header("X-Request-Id", "st-journey-1").get("/api/v1/health").then()
                .header("X-Request-Id", equalTo("st-journey-1"));
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.alg", hasItem("RS256"));
    }
}
