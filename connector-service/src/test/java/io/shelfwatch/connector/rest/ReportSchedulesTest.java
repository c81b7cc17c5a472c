package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.support.AmazonMock;
import io.shelfwatch.connector.support.ReportsMock;

@QuarkusTest
@QuarkusTestResource(AmazonMock.class)
class ReportSchedulesTest {

    private static final String IT = "APJ6JRA9NG5V4";
    private static final String DE = "A1PA6795UKMFR9";
    private static final String UK = "A1F83G8C2ARO7P";

    @Test
    void docBsScheduleIsCreatedPerMarketplaceWithPt24hReadAsP1dAndTheLocalTimeSentInUtc() {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        for (String[] m : new String[][] { { "IT", IT }, { "DE", DE } }) {
            AmazonMock.server().stubFor(post(urlPathEqualTo(ReportsMock.SCHEDULES))
                    .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                    .withRequestBody(matchingJsonPath("$.marketplaceIds[0]", WireMock.equalTo(m[1])))
                    .willReturn(ReportsMock.json(201, "{\"reportScheduleId\":\"sched-" + m[0] + "-" + user + "\"}")));
        }

        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("reportType", "GET_FBA_MYI_ALL_INVENTORY_DATA", "period", "PT24H",
                        "nextReportCreationTime", "2025-08-12T00:23:00", "timeZone", "Asia/Karachi",
                        "reportOptions", Map.of("foo", "bar"), "marketplaces", List.of("IT", "DE")))
                .post("/api/inventory/report-schedules/").then().statusCode(200)
                .body("success", equalTo(true))
                .body("results.IT.success", equalTo(true))
                .body("results.IT.reportScheduleId", equalTo("sched-IT-" + user))
                .body("results.DE.reportScheduleId", equalTo("sched-DE-" + user))
                .body("results.IT.period", equalTo("P1D"))
                .body("results.IT.nextReportCreationTime", equalTo("2025-08-11T19:23:00Z"));

        AmazonMock.server().verify(2, postRequestedFor(urlPathEqualTo(ReportsMock.SCHEDULES))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .withRequestBody(matchingJsonPath("$.period", WireMock.equalTo("P1D")))
                .withRequestBody(matchingJsonPath("$.reportType", WireMock.equalTo("GET_FBA_MYI_ALL_INVENTORY_DATA")))
                .withRequestBody(matchingJsonPath("$.reportOptions.foo", WireMock.equalTo("bar")))
                .withRequestBody(matchingJsonPath("$.nextReportCreationTime", WireMock.equalTo("2025-08-11T19:23:00Z"))));
        given().auth().oauth2(jwt).queryParam("activity_type", "schedules").get("/api/activities/").then()
                .statusCode(200).body("data.pagination.total_count", equalTo(2))
                .body("data.activities.status", equalTo(List.of("completed", "completed")));
    }

    @Test
    void schedulesAreListedPerMarketplaceWithReportTypesAndPageSize() {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        AmazonMock.server().stubFor(get(urlPathEqualTo(ReportsMock.SCHEDULES))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .willReturn(ReportsMock.json(200, """
                        {"reportSchedules":[
                          {"reportType":"GET_FBA_MYI_ALL_INVENTORY_DATA","marketplaceIds":["APJ6JRA9NG5V4"],
                           "reportScheduleId":"S-IT-1","period":"P1D","nextReportCreationTime":"2026-12-01T00:00:00Z"},
                          {"reportType":"GET_FBA_MYI_ALL_INVENTORY_DATA","marketplaceIds":["APJ6JRA9NG5V4"],
                           "reportScheduleId":"S-IT-2","period":"P7D","nextReportCreationTime":"2026-12-02T00:00:00Z"},
                          {"reportType":"GET_FBA_MYI_ALL_INVENTORY_DATA","marketplaceIds":["A1F83G8C2ARO7P"],
                           "reportScheduleId":"S-UK-1","period":"PT12H","nextReportCreationTime":"2026-12-01T12:00:00Z"}
                        ]}""")));

        given().auth().oauth2(jwt).queryParam("marketplaces", "IT,UK")
                .queryParam("reportTypes", "GET_FBA_MYI_ALL_INVENTORY_DATA").queryParam("pageSize", "1")
                .get("/api/inventory/report-schedules/list/").then().statusCode(200)
                .body("results.IT.reportSchedules.reportScheduleId", equalTo(List.of("S-IT-1")))
                .body("results.IT.reportSchedules[0].period", equalTo("P1D"))
                .body("results.IT.reportSchedules[0].marketplaceIds", equalTo(List.of(IT)))
                .body("results.UK.reportSchedules.reportScheduleId", equalTo(List.of("S-UK-1")))
                .body("results", org.hamcrest.Matchers.not(hasKey("DE")));
        // One call for the whole European endpoint, with Amazon's required reportTypes.
        AmazonMock.server().verify(1, getRequestedFor(urlPathEqualTo(ReportsMock.SCHEDULES))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("reportTypes", WireMock.equalTo("GET_FBA_MYI_ALL_INVENTORY_DATA")));
    }

    @Test
    void aScheduleIsCancelledAndAnUnknownOneIs404InDocBsShape() {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        AmazonMock.server().stubFor(delete(urlPathEqualTo(ReportsMock.SCHEDULES + "/S-" + user))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("x-amzn-RateLimit-Limit", "0.0222")));
        AmazonMock.server().stubFor(delete(urlPathEqualTo(ReportsMock.SCHEDULES + "/GONE-" + user))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .willReturn(ReportsMock.json(404, "{\"errors\":[{\"code\":\"NotFound\","
                        + "\"message\":\"The requested resource was not found\",\"details\":\"\"}]}")));

        given().auth().oauth2(jwt).queryParam("marketplace", "UK")
                .delete("/api/inventory/report-schedules/S-" + user + "/").then().statusCode(200)
                .body("success", equalTo(true)).body("reportScheduleId", equalTo("S-" + user))
                .body("$", hasKey("duration_ms"));
        AmazonMock.server().verify(deleteRequestedFor(urlPathEqualTo(ReportsMock.SCHEDULES + "/S-" + user)));
        given().auth().oauth2(jwt).delete("/api/inventory/report-schedules/GONE-" + user).then().statusCode(404)
                .body("error", containsString("not found")).body("$", hasKey("details"));
    }

    @Test
    void invalidPeriodsMarketplacesTimesAndPageSizesAre400s() {
        UUID user = UUID.randomUUID();
        String jwt = ReportsMock.connectedUser(user, ReportsMock.accessFor(user));
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(Map.of("period", "PT25H"))
                .post("/api/inventory/report-schedules/").then().statusCode(400)
                .body("error", containsString("period must be one of"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("period", "P1D", "marketplaces", List.of("XX")))
                .post("/api/inventory/report-schedules/").then().statusCode(400)
                .body("error", containsString("valid codes"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("period", "P1D", "nextReportCreationTime", "tomorrow"))
                .post("/api/inventory/report-schedules/").then().statusCode(400)
                .body("error", containsString("nextReportCreationTime"));
        given().auth().oauth2(jwt).queryParam("pageSize", "101").get("/api/inventory/report-schedules/list")
                .then().statusCode(400).body("details[0].loc", equalTo(List.of("query", "pageSize")));
        given().auth().oauth2(jwt).queryParam("pageSize", "ten").get("/api/inventory/report-schedules/list")
                .then().statusCode(400)
                .body("error", equalTo("Invalid or missing parameters"))
                .body("details[0].loc", equalTo(List.of("query", "pageSize")))
                .body("details[0].type", equalTo("type_error.integer"));
    }
}
