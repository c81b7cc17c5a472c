package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.support.AmazonMock;
import io.shelfwatch.connector.support.Tokens;

/** A request Amazon keeps waiting past `connector.request-deadline` (1 s here instead of 25 s). */
@QuarkusTest
@TestProfile(RequestDeadlineTest.OneSecondDeadline.class)
@QuarkusTestResource(AmazonMock.class)
class RequestDeadlineTest {

    private static final String UK = "A1F83G8C2ARO7P";
    private static final String ORDERS = "/orders/v0/orders";
    private static final String TOKEN_HEADER = "x-amz-access-token";
    private static final String TIMED_OUT = "Amazon did not answer in time: the operation was stopped after 1 s;"
            + " try again later";

    public static class OneSecondDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.request-deadline", "PT1S");
        }
    }

    /** Amazon answers this access token's calls, but only after the deadline. */
    private static void amazonSlowFor(String access) {
        AmazonMock.server().stubFor(get(WireMock.urlPathMatching(ORDERS + "(/.*)?"))
                .withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .willReturn(aResponse().withStatus(200).withFixedDelay(10_000)
                        .withHeader("Content-Type", "application/json").withBody("{\"payload\":{}}")));
    }

    @Test
    void fetchDataPastTheDeadlineIsDocBs408AndItsActivityFailed() {
        UUID user = UUID.randomUUID();
        String access = "Atza|slow-orders-" + user;
        amazonSlowFor(access);
        String jwt = Tokens.forUser(user, "seller@example.com", "pro");

        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("access_token", access, "marketplace_id", UK, "start_date", "2026-01-01",
                        "end_date", "2026-01-02"))
                .post("/api/fetch-data/").then().statusCode(408)
                .body("error", equalTo(TIMED_OUT))
                .body("details", nullValue());
        given().auth().oauth2(jwt).get("/api/activities/").then().statusCode(200)
                .body("data.activities.action", equalTo(List.of("fetch_data")))
                .body("data.activities[0].status", equalTo("failed"))
                .body("data.activities[0].error_message", equalTo(TIMED_OUT));
    }

    @Test
    void fetchMissingItemsPastTheDeadlineIsDocBs408AndItsActivityFailed() {
        UUID user = UUID.randomUUID();
        String access = "Atza|slow-items-" + user;
        amazonSlowFor(access);
        String jwt = Tokens.forUser(user, "seller@example.com", "pro");

        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("access_token", access, "marketplace_id", UK,
                        "order_ids", List.of("202-1234567-1234567", "202-7654321-7654321")))
                .post("/api/fetch-missing-items/").then().statusCode(408)
                .body("error", equalTo(TIMED_OUT));
        given().auth().oauth2(jwt).get("/api/activities/").then().statusCode(200)
                .body("data.activities.action", equalTo(List.of("fetch_missing_items")))
                .body("data.activities[0].status", equalTo("failed"))
                .body("data.activities[0].error_message", equalTo(TIMED_OUT));
    }
}
