package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/** Doc C's sales: status from the dates; only admins change them. */
@QuarkusTest
class SaleResourceTest {

    static final String ADMIN = Jwt.issuer("shelfwatch").audience("shelfwatch-api").subject(UUID.randomUUID().toString())
            .upn("admin@example.com").groups(Set.of("user", "admin")).expiresIn(900).sign();
    static final String USER = TrackedProductResourceTest.token(UUID.randomUUID());

    static Map<String, Object> sale(String title, Instant starts, Instant ends) {
        return Map.of("title", title, "store", "Amazon", "discount_summary", "Up to 80% off",
                "category", "Electronics", "starts_at", starts.toString(), "ends_at", ends.toString());
    }

    @Test
    void adminsKeepSalesAndEveryoneSeesOngoingAndUpcomingOnes() {
        Instant now = Instant.now();
        String ongoing = "Festival " + UUID.randomUUID();
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(sale(ongoing, now.minusSeconds(3600), now.plusSeconds(3600)))
                .post("/api/v1/sales/").then().statusCode(201).body("status", equalTo("ongoing"))
                .extract().path("id");
        String upcoming = "Prime " + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(sale(upcoming, now.plusSeconds(86400), now.plusSeconds(2 * 86400)))
                .post("/api/v1/sales").then().statusCode(201).body("status", equalTo("upcoming"));

        given().auth().oauth2(USER).get("/api/v1/sales/").then().statusCode(200)
                .body("title", hasItem(ongoing)).body("title", hasItem(upcoming))
                .body("find { it.title == '" + ongoing + "' }.discount_summary", equalTo("Up to 80% off"));

        given().auth().oauth2(USER).contentType(ContentType.JSON)
                .body(sale("Nope", now, now.plusSeconds(60))).post("/api/v1/sales/").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(sale("Backwards", now, now.minusSeconds(60))).post("/api/v1/sales/").then().statusCode(422);

        // Ended: no longer listed.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(sale(ongoing, now.minusSeconds(7200), now.minusSeconds(3600)))
                .put("/api/v1/sales/" + id).then().statusCode(200).body("status", equalTo("ended"));
        given().auth().oauth2(USER).get("/api/v1/sales/").then().statusCode(200).body("title", not(hasItem(ongoing)));

        given().auth().oauth2(ADMIN).delete("/api/v1/sales/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/sales/" + id).then().statusCode(404);
        given().auth().oauth2(ADMIN).delete("/api/v1/sales/not-a-uuid").then().statusCode(400);
    }

    @Test
    void aNulCharacterInAStringIs422AtItsFieldAndNothingIsWritten() {
        Instant now = Instant.now();
        String title = "Nul " + UUID.randomUUID() + "\u0000sale";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(sale(title, now.minusSeconds(3600), now.plusSeconds(3600)))
                .post("/api/v1/sales/").then().statusCode(422)
                .body("detail[0].loc", contains("body", "title"));
        given().auth().oauth2(USER).get("/api/v1/sales/").then().statusCode(200)
                .body("title", not(hasItem(title)));
    }
}
