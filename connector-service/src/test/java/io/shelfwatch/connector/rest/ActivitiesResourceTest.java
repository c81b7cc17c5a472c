package io.shelfwatch.connector.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.service.ActivityService;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.shelfwatch.connector.support.Tokens;
import jakarta.inject.Inject;

@QuarkusTest
class ActivitiesResourceTest {

    private static final String UK = "A1F83G8C2ARO7P";
    private static final String DE = "A1PA6795UKMFR9";

    @Inject
    ActivityService activities;

    private UUID recorded(UUID user, String type, String marketplace, String detail, String outcome, Counts counts)
            throws Throwable {
        Activity a = VertxContextSupport.subscribeAndAwait(() -> activities.start(user, type, "test", marketplace,
                detail));
        VertxContextSupport.subscribeAndAwait(() -> switch (outcome) {
            case "completed" -> activities.complete(a.id, detail + " done", counts, null);
            case "failed" -> activities.fail(a.id, "Amazon refused getOrders (InvalidInput: bad date)", counts);
            default -> io.smallrye.mutiny.Uni.createFrom().voidItem();
        });
        return a.id;
    }

    @Test
    void theListFiltersSearchesAndPaginatesLikeDocBSays() throws Throwable {
        UUID user = UUID.randomUUID();
        String jwt = Tokens.forUser(user, "log@example.com", "pro");
        recorded(user, ActivityService.ORDERS, UK, "Orders of the UK", "completed", new Counts(10, 8, 0, 2));
        UUID failed = recorded(user, ActivityService.ORDERS, DE, "Orders of Germany", "failed", Counts.NONE);
        recorded(user, ActivityService.REPORTS, UK, "Inventory report", "running", Counts.NONE);
        // Someone else's activity is never seen.
        UUID other = recorded(UUID.randomUUID(), ActivityService.ORDERS, UK, "Orders of the UK", "completed",
                Counts.NONE);

        given().auth().oauth2(jwt).get("/api/activities/").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.activities.size()", equalTo(3))
                .body("data.pagination.total_count", equalTo(3))
                .body("data.pagination.page_size", equalTo(10));
        given().auth().oauth2(jwt).queryParam("page_size", 2).queryParam("page", 2).get("/api/activities").then()
                .statusCode(200).body("data.activities.size()", equalTo(1))
                .body("data.pagination.total_pages", equalTo(2))
                .body("data.pagination.has_next", equalTo(false))
                .body("data.pagination.has_previous", equalTo(true));
        given().auth().oauth2(jwt).queryParam("marketplace_id", UK).queryParam("activity_type", "orders")
                .get("/api/activities/").then().statusCode(200)
                .body("data.activities.detail", equalTo(List.of("Orders of the UK done")))
                .body("data.activities[0].total_records", equalTo(10))
                .body("data.activities[0].success_rate", equalTo(80.0f));
        given().auth().oauth2(jwt).queryParam("status", "in_progress").get("/api/activities/").then()
                .statusCode(200).body("data.activities.detail", equalTo(List.of("Inventory report")))
                .body("data.activities[0].is_running", equalTo(true));
        given().auth().oauth2(jwt).queryParam("search", "invalidinput").get("/api/activities/").then()
                .statusCode(200).body("data.activities.id", equalTo(List.of(failed.toString())));
        given().auth().oauth2(jwt).queryParam("search", "a1pa6795").get("/api/activities/").then()
                .statusCode(200).body("data.activities.id", equalTo(List.of(failed.toString())));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        given().auth().oauth2(jwt).queryParam("date_from", today).queryParam("date_to", today)
                .get("/api/activities/").then().statusCode(200).body("data.pagination.total_count", equalTo(3));
        given().auth().oauth2(jwt).queryParam("date_to", "2020-01-01").get("/api/activities/").then()
                .statusCode(200).body("data.pagination.total_count", equalTo(0));

        given().auth().oauth2(jwt).get("/api/activities/" + failed + "/").then().statusCode(200)
                .body("data.status", equalTo("failed"))
                .body("data.error_message", containsString("InvalidInput"))
                .body("data.duration_formatted", notNullValue())
                .body("data", hasKey("duration_seconds"))
                .body("data", hasKey("total_records"));
        given().auth().oauth2(jwt).get("/api/activities/" + other + "/").then().statusCode(404)
                .body("error", equalTo("Activity not found"));
        given().auth().oauth2(jwt).get("/api/activities/" + UUID.randomUUID()).then().statusCode(404)
                .body("$", hasKey("details"));
    }

    @Test
    void badFiltersAre400sInDocBsShape() {
        String jwt = Tokens.forUser(UUID.randomUUID(), "log@example.com", "pro");
        given().auth().oauth2(jwt).queryParam("page_size", 101).get("/api/activities/").then().statusCode(400)
                .body("error", equalTo("Invalid or missing parameters"))
                .body("details[0].loc", equalTo(List.of("query", "page_size")));
        given().auth().oauth2(jwt).queryParam("status", "done").get("/api/activities/").then().statusCode(400)
                .body("error", containsString("status must be one of"));
        given().auth().oauth2(jwt).queryParam("date_from", "yesterday").get("/api/activities/").then()
                .statusCode(400).body("error", containsString("date_from"));
        given().auth().oauth2(jwt).get("/api/activities/not-a-uuid/").then().statusCode(400);
        given().auth().oauth2(jwt).queryParam("days", "0").get("/api/activities/stats/").then().statusCode(400);
        given().get("/api/activities/").then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void aNumberParameterThatIsNotANumberIsInvalidInputNamingIt() {
        String jwt = Tokens.forUser(UUID.randomUUID(), "log@example.com", "pro");
        given().auth().oauth2(jwt).queryParam("page", "abc").get("/api/activities/").then().statusCode(400)
                .body("error", equalTo("Invalid or missing parameters"))
                .body("details[0].loc", equalTo(List.of("query", "page")))
                .body("details[0].msg", equalTo("value is not a valid integer"))
                .body("details[0].type", equalTo("type_error.integer"));
        given().auth().oauth2(jwt).queryParam("page_size", "1.5").get("/api/activities").then().statusCode(400)
                .body("details[0].loc", equalTo(List.of("query", "page_size")));
        given().auth().oauth2(jwt).queryParam("days", "week").get("/api/activities/stats/").then().statusCode(400)
                .body("details[0].loc", equalTo(List.of("query", "days")))
                .body("details[0].type", equalTo("type_error.integer"));
        // A path nothing serves is still not found.
        given().auth().oauth2(jwt).queryParam("page", "abc").get("/api/activities/stats/more").then()
                .statusCode(404).body("error", equalTo("Not Found"));
    }

    @Test
    void aPagePastTheEndIsEmptyWithTheRealTotal() throws Throwable {
        UUID user = UUID.randomUUID();
        String jwt = Tokens.forUser(user, "log@example.com", "pro");
        recorded(user, ActivityService.ORDERS, UK, "Orders of the UK", "completed", Counts.NONE);
        given().auth().oauth2(jwt).queryParam("page", Integer.MAX_VALUE).queryParam("page_size", 100)
                .get("/api/activities/").then().statusCode(200)
                .body("data.activities.size()", equalTo(0))
                .body("data.pagination.page", equalTo(Integer.MAX_VALUE))
                .body("data.pagination.total_count", equalTo(1))
                .body("data.pagination.has_next", equalTo(false));
    }

    @Test
    void aNulCharacterInAFilterIsInvalidInputNotAServerError() {
        String jwt = Tokens.forUser(UUID.randomUUID(), "log@example.com", "pro");
        for (String filter : List.of("search", "marketplace_id", "activity_type")) {
            given().auth().oauth2(jwt).queryParam(filter, "a\u0000b").get("/api/activities/").then()
                    .statusCode(400)
                    .body("details[0].loc", equalTo(List.of("query", filter)))
                    .body("details[0].msg", equalTo("must not contain NUL characters"));
        }
        given().auth().oauth2(jwt).queryParam("marketplace_id", "a\u0000b").get("/api/activities/stats/").then()
                .statusCode(400).body("details[0].loc", equalTo(List.of("query", "marketplace_id")));
    }

    @Test
    void statsSummariseThePeriodPerStatusTypeAndMarketplace() throws Throwable {
        UUID user = UUID.randomUUID();
        String jwt = Tokens.forUser(user, "log@example.com", "pro");
        recorded(user, ActivityService.ORDERS, UK, "a", "completed", new Counts(5, 5, 0, 0));
        recorded(user, ActivityService.ORDERS, UK, "b", "completed", new Counts(3, 3, 0, 0));
        recorded(user, ActivityService.REPORTS, DE, "c", "failed", Counts.NONE);

        given().auth().oauth2(jwt).queryParam("days", 7).get("/api/activities/stats/").then().statusCode(200)
                .body("data.period_days", equalTo(7))
                .body("data.total_activities", equalTo(3))
                .body("data.completed", equalTo(2))
                .body("data.failed", equalTo(1))
                .body("data.success_rate", equalTo(66.7f))
                .body("data.total_records_processed", equalTo(8))
                .body("data.by_type.orders.completed", equalTo(2))
                .body("data.by_marketplace.'" + DE + "'.failed", equalTo(1))
                .body("data.recent_activities.size()", equalTo(3));
        given().auth().oauth2(jwt).queryParam("marketplace_id", UK).get("/api/activities/stats").then()
                .statusCode(200).body("data.total_activities", equalTo(2)).body("data.success_rate", equalTo(100.0f));
    }
}
