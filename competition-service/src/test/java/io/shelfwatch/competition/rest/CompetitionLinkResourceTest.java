package io.shelfwatch.competition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.competition.support.Tokens;

/** Doc A's competitor links, each user's own. */
@QuarkusTest
class CompetitionLinkResourceTest {

    private static String token() {
        return Tokens.forUser(UUID.randomUUID(), "l@example.com", "pro");
    }

    private static void setup(String token, String main, List<String> competitors, int created) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("asin_main", main, "competitor_asins", competitors))
                .post("/v1/competitions/setup").then().statusCode(200)
                .body("created_count", equalTo(created));
    }

    @Test
    void linksAreNormalizedCreatedOnceAndListed() {
        String token = token();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("asin_main", " b09xs7jwhh ", "competitor_asins", List.of("B0BSHF7WHW", " b08n5wrwnw", "B0BSHF7WHW")))
                .post("/v1/competitions/setup").then().statusCode(200)
                .body("asin_main", equalTo("B09XS7JWHH"))
                .body("competitor_asins", contains("B0BSHF7WHW", "B08N5WRWNW"))
                .body("created_count", equalTo(2));
        setup(token, "B09XS7JWHH", List.of("B08N5WRWNW", "B07FZ8S74R"), 1);

        given().auth().oauth2(token).get("/v1/competitions/links/b09xs7jwhh").then().statusCode(200)
                .body("asin_main", equalTo("B09XS7JWHH"))
                .body("competitor_asins", contains("B0BSHF7WHW", "B08N5WRWNW", "B07FZ8S74R"));
        given().auth().oauth2(token()).get("/v1/competitions/links/B09XS7JWHH").then().statusCode(200)
                .body("competitor_asins", empty());
    }

    @Test
    void invalidAsinsAndSelfLinksAre422() {
        String token = token();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("asin_main", "B09XS7JWHH", "competitor_asins", List.of("B0BSHF7WHW", "short")))
                .post("/v1/competitions/setup").then().statusCode(422)
                .body("detail[0].loc", contains("body", "competitor_asins", 1));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("asin_main", "B09XS7JWHH", "competitor_asins", List.of("b09xs7jwhh")))
                .post("/v1/competitions/setup").then().statusCode(422)
                .body("detail[0].msg", equalTo("a product cannot be its own competitor"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("asin_main", "B09XS7JWHH", "competitor_asins", List.of()))
                .post("/v1/competitions/setup").then().statusCode(422)
                .body("detail.loc", hasItem(List.of("body", "competitor_asins")));
        // A list element is located by its index alone, as FastAPI does.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"asin_main\":\"B09XS7JWHH\",\"competitor_asins\":[null]}")
                .post("/v1/competitions/setup").then().statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].loc", contains("body", "competitor_asins", 0))
                .body("detail[0].msg", equalTo("must not be null"));
        given().auth().oauth2(token).get("/v1/competitions/links/NOT-AN-ASIN").then().statusCode(422)
                .body("detail[0].loc", contains("path", "asin_main"));
        given().auth().oauth2(token).get("/v1/competitions/links/B09XS7JWHH").then().statusCode(200)
                .body("competitor_asins", empty());
    }

    @Test
    void removingSomeOrAllLinksTouchesOnlyTheCallersOwn() {
        String mine = token();
        String theirs = token();
        setup(mine, "B09XS7JWHH", List.of("B0BSHF7WHW", "B08N5WRWNW", "B07FZ8S74R"), 3);
        setup(theirs, "B09XS7JWHH", List.of("B0BSHF7WHW"), 1);

        given().auth().oauth2(mine).queryParam("competitor_asins", "b0bshf7whw")
                .delete("/v1/competitions/links/B09XS7JWHH").then().statusCode(200)
                .body("removed_count", equalTo(1)).body("competitor_asins", contains("B0BSHF7WHW"));
        given().auth().oauth2(mine).get("/v1/competitions/links/B09XS7JWHH").then()
                .body("competitor_asins", contains("B08N5WRWNW", "B07FZ8S74R"));
        given().auth().oauth2(theirs).get("/v1/competitions/links/B09XS7JWHH").then()
                .body("competitor_asins", contains("B0BSHF7WHW"));

        given().auth().oauth2(mine).delete("/v1/competitions/links/B09XS7JWHH/").then().statusCode(200)
                .body("removed_count", equalTo(2));
        given().auth().oauth2(mine).get("/v1/competitions/links/B09XS7JWHH").then()
                .body("competitor_asins", empty());
        given().auth().oauth2(theirs).get("/v1/competitions/links/B09XS7JWHH").then()
                .body("competitor_asins", contains("B0BSHF7WHW"));
    }
}
