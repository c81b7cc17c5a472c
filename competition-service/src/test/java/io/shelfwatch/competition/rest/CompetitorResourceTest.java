package io.shelfwatch.competition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.competition.Competitor;
import io.shelfwatch.competition.repository.CompetitorRepository;
import io.shelfwatch.competition.support.Tokens;
import jakarta.inject.Inject;

@QuarkusTest
class CompetitorResourceTest {

    @Inject
    CompetitorRepository repository;

    private void store(UUID owner, String name, int minutesAgo) throws Throwable {
        Competitor c = new Competitor();
        c.id = UUID.randomUUID();
        c.userId = owner;
        c.name = name;
        c.url = "https://" + name.toLowerCase().replace(' ', '-') + ".example.com";
        c.platform = "shopify";
        c.status = "active";
        c.createdAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo);
        c.updatedAt = c.createdAt;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.persist(c)));
    }

    @Test
    void aUserSeesOnlyTheirOwnCompetitorsPageByPage() throws Throwable {
        UUID owner = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        store(owner, "Rival Gadgets", 3);
        store(owner, "Second Rival", 2);
        store(owner, "Newest Rival", 1);
        store(someoneElse, "Not Yours", 0);
        String token = Tokens.forUser(owner, "owner@example.com", "pro");

        given().auth().oauth2(token).get("/api/v1/competitors/").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("per_page", equalTo(20))
                .body("items.name", contains("Newest Rival", "Second Rival", "Rival Gadgets"))
                .body("items[0].user_id", equalTo(owner.toString()))
                .body("items[0].status", equalTo("active"))
                .body("items[0].last_scanned", equalTo(null));
        given().auth().oauth2(token).queryParam("page", 2).queryParam("per_page", 2)
                .get("/api/v1/competitors").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(1))
                .body("items[0].name", equalTo("Rival Gadgets"));
    }

    @Test
    void pagingOutsideItsBoundsIs422() {
        String token = Tokens.forUser(UUID.randomUUID(), "x@example.com", "free");
        given().auth().oauth2(token).queryParam("per_page", 101).get("/api/v1/competitors")
                .then().statusCode(422).body("detail[0].loc", contains("query", "per_page"));
        given().auth().oauth2(token).queryParam("page", 0).get("/api/v1/competitors")
                .then().statusCode(422).body("detail[0].loc", contains("query", "page"));
    }

    @Test
    void aPageFarPastTheEndIsEmptyWithTheRealTotal() throws Throwable {
        UUID owner = UUID.randomUUID();
        store(owner, "Only Rival", 1);
        String token = Tokens.forUser(owner, "far@example.com", "pro");
        // (page - 1) * per_page is past an int in both: the offset must not overflow.
        given().auth().oauth2(token).queryParam("page", Integer.MAX_VALUE).get("/api/v1/competitors")
                .then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(1))
                .body("page", equalTo(Integer.MAX_VALUE)).body("per_page", equalTo(20));
        given().auth().oauth2(token).queryParam("page", 21474838).queryParam("per_page", 100)
                .get("/api/v1/competitors").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(1));
    }

    @Test
    void aPageThatIsNotAnIntegerIs422AtTheParameterNot404() {
        String token = Tokens.forUser(UUID.randomUUID(), "nan@example.com", "free");
        given().auth().oauth2(token).queryParam("per_page", "abc").get("/api/v1/competitors")
                .then().statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].loc", contains("query", "per_page"))
                .body("detail[0].msg", equalTo("value is not a valid integer"))
                .body("detail[0].type", equalTo("type_error.integer"));
        given().auth().oauth2(token).queryParam("page", "1.5").get("/api/v1/competitors/")
                .then().statusCode(422).body("detail[0].loc", contains("query", "page"));
        given().auth().oauth2(token).queryParam("page", "99999999999").get("/api/v1/competitors")
                .then().statusCode(422).body("detail[0].loc", contains("query", "page"));
        // A path that does not exist is still a 404.
        given().auth().oauth2(token).queryParam("page", "abc").get("/api/v1/competitors/" + UUID.randomUUID() + "/x")
                .then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void withoutATokenIs401() {
        given().get("/api/v1/competitors").then().statusCode(401).body("detail", equalTo("Not authenticated"));
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems(org.hamcrest.Matchers.containsString("Kafka"),
                        org.hamcrest.Matchers.containsString("PostgreSQL")));
    }
}
