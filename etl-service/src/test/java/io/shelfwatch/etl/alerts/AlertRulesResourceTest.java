package io.shelfwatch.etl.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.shelfwatch.etl.pipeline.RawEventPipelineTest;
import io.shelfwatch.etl.support.Tokens;

/** Doc E's /api/v1/alerts/ as a seller uses it: their own rules, on what they track or own, on a paid plan. */
@QuarkusTest
class AlertRulesResourceTest {

    private UUID seller;
    private String token;
    private UUID productId;
    private UUID competitorId;

    @BeforeEach
    void aProSellerTrackingAProductAndOwningAStore() {
        seller = UUID.randomUUID();
        token = Tokens.forUser(seller, seller + "@example.com", "pro");
        RuleFixtures.account(seller, "pro", true);
        String asin = RawEventPipelineTest.randomAsin();
        productId = RuleFixtures.trackedProduct("asin:" + asin, asin, null, seller);
        competitorId = RuleFixtures.ownedCompetitor(seller);
    }

    private RequestSpecification as(String bearer) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON);
    }

    private String create(String body) {
        return as(token).body(body).post("/api/v1/alerts/").then().statusCode(201).extract().path("id");
    }

    @Test
    void aSellerCreatesReadsChangesAndDeletesTheirAlerts() {
        String id = as(token).body("""
                {"alert_type":"price_drop","threshold":5,"product_id":"%s"}""".formatted(productId))
                .post("/api/v1/alerts/").then().statusCode(201)
                .body("user_id", equalTo(seller.toString()))
                .body("alert_type", equalTo("price_drop"))
                .body("threshold", equalTo(5))
                .body("product_id", equalTo(productId.toString()))
                .body("competitor_id", nullValue())
                .body("is_active", equalTo(true))
                .body("last_triggered", nullValue())
                .body("created_at", notNullValue())
                .extract().path("id");
        String storeAlert = create("""
                {"alert_type":"new_product","competitor_id":"%s","is_active":false}""".formatted(competitorId));

        as(token).get("/api/v1/alerts/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("threshold", equalTo(5));
        as(token).get("/api/v1/alerts").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(1)).body("per_page", equalTo(20))
                .body("items.id", contains(storeAlert, id));
        as(token).queryParam("is_active", "true").get("/api/v1/alerts/").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(id));
        as(token).queryParam("per_page", 1).queryParam("page", 2).get("/api/v1/alerts").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(id));

        as(token).body("{\"threshold\":12.5,\"is_active\":false}").patch("/api/v1/alerts/" + id).then().statusCode(200)
                .body("threshold", equalTo(12.5f)).body("is_active", equalTo(false))
                .body("alert_type", equalTo("price_drop"));
        as(token).body("{\"alert_type\":\"out_of_stock\"}").patch("/api/v1/alerts/" + id).then().statusCode(200)
                .body("alert_type", equalTo("out_of_stock"))
                .body("threshold", nullValue());
        as(token).queryParam("is_active", "false").get("/api/v1/alerts").then()
                .body("items.id", contains(storeAlert, id));

        as(token).delete("/api/v1/alerts/" + id).then().statusCode(204);
        as(token).get("/api/v1/alerts/" + id).then().statusCode(404).body("detail", equalTo("Alert not found"));
        as(token).delete("/api/v1/alerts/" + id).then().statusCode(404);
        as(token).get("/api/v1/alerts").then().body("items.id", contains(storeAlert));
    }

    @Test
    void invalidAlertsAre422WithTheFieldNamed() {
        as(token).body("{\"threshold\":5,\"product_id\":\"%s\"}".formatted(productId)).post("/api/v1/alerts")
                .then().statusCode(422).body("detail[0].loc", contains("body", "alert_type"));
        as(token).body("{\"alert_type\":\"price_crash\",\"threshold\":5,\"product_id\":\"%s\"}".formatted(productId))
                .post("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("body", "alert_type"))
                .body("detail[0].msg", containsString("price_drop"));
        as(token).body("{\"alert_type\":\"price_drop\",\"product_id\":\"%s\"}".formatted(productId))
                .post("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("body", "threshold"))
                .body("detail[0].msg", containsString("required"));
        as(token).body("{\"alert_type\":\"price_drop\",\"threshold\":-3,\"product_id\":\"%s\"}".formatted(productId))
                .post("/api/v1/alerts").then().statusCode(422).body("detail[0].loc", contains("body", "threshold"));
        as(token).body("{\"alert_type\":\"price_drop\",\"threshold\":150,\"product_id\":\"%s\"}".formatted(productId))
                .post("/api/v1/alerts").then().statusCode(422).body("detail[0].loc", contains("body", "threshold"));
        as(token).body("{\"alert_type\":\"back_in_stock\",\"threshold\":5,\"product_id\":\"%s\"}".formatted(productId))
                .post("/api/v1/alerts").then().statusCode(422).body("detail[0].loc", contains("body", "threshold"));
        as(token).body("{\"alert_type\":\"out_of_stock\"}").post("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("body", "product_id"));
        as(token).body("{\"alert_type\":\"out_of_stock\",\"product_id\":\"%s\",\"competitor_id\":\"%s\"}"
                .formatted(productId, competitorId)).post("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("body", "competitor_id"));
        as(token).body("{\"alert_type\":\"new_product\",\"product_id\":\"%s\"}".formatted(productId))
                .post("/api/v1/alerts").then().statusCode(422).body("detail[0].loc", contains("body", "alert_type"));
        as(token).body("{\"alert_type\":\"out_of_stock\",\"product_id\":\"not-a-uuid\"}").post("/api/v1/alerts")
                .then().statusCode(422).body("detail[0].loc", contains("body", "product_id"))
                .body("detail[0].type", equalTo("type_error"));
        as(token).body("{\"alert_type\":\"price_drop\",\"threshold\":\"lots\",\"product_id\":\"%s\"}"
                .formatted(productId)).post("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("body", "threshold"));
        as(token).body("{\"alert_type\":\"out_of_stock\"").post("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].type", equalTo("value_error.jsondecode"));
        as(token).post("/api/v1/alerts").then().statusCode(422).body("detail[0].loc", contains("body"));

        as(token).queryParam("is_active", "maybe").get("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("query", "is_active"));
        as(token).queryParam("per_page", 101).get("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("query", "per_page"));
        as(token).get("/api/v1/alerts/12345").then().statusCode(400).body("detail", equalTo("Invalid alert id"));

        String id = create("{\"alert_type\":\"out_of_stock\",\"product_id\":\"%s\"}".formatted(productId));
        as(token).body("{\"alert_type\":\"price_increase\"}").patch("/api/v1/alerts/" + id).then().statusCode(422)
                .body("detail[0].loc", contains("body", "threshold"));
        as(token).body("{\"threshold\":5}").patch("/api/v1/alerts/" + id).then().statusCode(422)
                .body("detail[0].loc", contains("body", "threshold"));
        as(token).body("{\"product_id\":\"%s\"}".formatted(UUID.randomUUID())).patch("/api/v1/alerts/" + id)
                .then().statusCode(422).body("detail[0].loc", contains("body", "product_id"));
        as(token).get("/api/v1/alerts/" + id).then().body("alert_type", equalTo("out_of_stock"));
    }

    @Test
    void pagingParametersThatAreNotIntegersAre422AtTheParameter() {
        as(token).queryParam("page", "abc").get("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("query", "page"))
                .body("detail[0].msg", equalTo("value is not a valid integer"))
                .body("detail[0].type", equalTo("type_error.integer"));
        as(token).queryParam("per_page", "ten").get("/api/v1/alerts/").then().statusCode(422)
                .body("detail[0].loc", contains("query", "per_page"));
        as(token).queryParam("page", "99999999999").get("/api/v1/alerts/history").then().statusCode(422)
                .body("detail[0].loc", contains("query", "page"));
        String id = create("""
                {"alert_type":"price_drop","threshold":5,"product_id":"%s"}""".formatted(productId));
        as(token).queryParam("per_page", "1.5").get("/api/v1/alerts/" + id + "/history").then().statusCode(422)
                .body("detail[0].loc", contains("query", "per_page"));
        // a path that does not exist stays a 404
        as(token).queryParam("page", "abc").get("/api/v1/alerts/" + id + "/nothing").then().statusCode(404);
    }

    @Test
    void aPageFarPastTheEndIsEmptyWithTheRealTotal() {
        String id = create("""
                {"alert_type":"price_drop","threshold":5,"product_id":"%s"}""".formatted(productId));
        as(token).queryParam("page", Integer.MAX_VALUE).get("/api/v1/alerts").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(1)).body("page", equalTo(Integer.MAX_VALUE));
        as(token).queryParam("page", 21474837).queryParam("per_page", 100).get("/api/v1/alerts").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(1));
        as(token).queryParam("page", Integer.MAX_VALUE).queryParam("per_page", 100).get("/api/v1/alerts/history")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
        as(token).queryParam("page", Integer.MAX_VALUE).get("/api/v1/alerts/" + id + "/history").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void theOwnerIsTheCallerAndAnotherUsersAlertDoesNotExistForThem() {
        UUID intruder = UUID.randomUUID();
        as(token).body("{\"alert_type\":\"out_of_stock\",\"product_id\":\"%s\",\"user_id\":\"%s\"}"
                .formatted(productId, intruder)).post("/api/v1/alerts").then().statusCode(422)
                .body("detail[0].loc", contains("body", "user_id"));

        String id = create("{\"alert_type\":\"price_increase\",\"threshold\":10,\"product_id\":\"%s\"}".formatted(productId));
        String other = Tokens.forUser(intruder, "other@example.com", "pro");
        RuleFixtures.account(intruder, "pro", true);
        as(other).get("/api/v1/alerts/" + id).then().statusCode(404).body("detail", equalTo("Alert not found"));
        as(other).body("{\"is_active\":false}").patch("/api/v1/alerts/" + id).then().statusCode(404);
        as(other).delete("/api/v1/alerts/" + id).then().statusCode(404);
        as(other).get("/api/v1/alerts/" + id + "/history").then().statusCode(404);
        as(other).get("/api/v1/alerts").then().statusCode(200).body("items", empty()).body("total", equalTo(0));
        as(token).get("/api/v1/alerts/" + id).then().statusCode(200).body("is_active", equalTo(true));

        // Only on a product they track or a store they own; whether it exists is not revealed.
        as(other).body("{\"alert_type\":\"out_of_stock\",\"product_id\":\"%s\"}".formatted(productId))
                .post("/api/v1/alerts").then().statusCode(404).body("detail", equalTo("Product not found"));
        as(other).body("{\"alert_type\":\"out_of_stock\",\"product_id\":\"%s\"}".formatted(UUID.randomUUID()))
                .post("/api/v1/alerts").then().statusCode(404).body("detail", equalTo("Product not found"));
        as(other).body("{\"alert_type\":\"new_product\",\"competitor_id\":\"%s\"}".formatted(competitorId))
                .post("/api/v1/alerts").then().statusCode(404).body("detail", equalTo("Competitor not found"));
        as(token).get("/api/v1/alerts").then().body("items.user_id", not(hasItem(intruder.toString())));

        given().get("/api/v1/alerts").then().statusCode(401).body("detail", equalTo("Not authenticated"));
    }

    @Test
    void theFreePlanHasNoAlerts() {
        UUID free = UUID.randomUUID();
        RuleFixtures.account(free, "free", false);
        String asin = RawEventPipelineTest.randomAsin();
        UUID tracked = RuleFixtures.trackedProduct("asin:" + asin, asin, null, free);
        // The token may still say pro (minutes old): the plan is read from the account copy.
        String freeToken = Tokens.forUser(free, "free@example.com", "pro");
        as(freeToken).body("{\"alert_type\":\"price_drop\",\"threshold\":5,\"product_id\":\"%s\"}".formatted(tracked))
                .post("/api/v1/alerts").then().statusCode(403)
                .body("detail", containsString("alerts_enabled"))
                .body("detail", containsString("free plan"));
        as(freeToken).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));

        // Before the account has reached this service, the token's plan decides.
        UUID newcomer = UUID.randomUUID();
        UUID newcomersProduct = RuleFixtures.trackedProduct("asin:" + asin, asin, null, newcomer);
        as(Tokens.forUser(newcomer, "n@example.com", "free"))
                .body("{\"alert_type\":\"out_of_stock\",\"product_id\":\"%s\"}".formatted(newcomersProduct))
                .post("/api/v1/alerts").then().statusCode(403);
        as(Tokens.forUser(newcomer, "n@example.com", "enterprise"))
                .body("{\"alert_type\":\"out_of_stock\",\"product_id\":\"%s\"}".formatted(newcomersProduct))
                .post("/api/v1/alerts").then().statusCode(201);
    }
}
