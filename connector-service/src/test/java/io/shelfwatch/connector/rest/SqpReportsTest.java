package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.support.AmazonMock;
import io.shelfwatch.connector.support.Contracts;
import io.shelfwatch.connector.support.Kafka;
import io.shelfwatch.connector.support.ReportsMock;
import io.shelfwatch.connector.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(AmazonMock.class)
class SqpReportsTest {

    private static final String US = "ATVPDKIKX0DER";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shaped like sellingPartnerSearchQueryPerformanceReport.json's example. */
    private static final String DOCUMENT = """
            {"reportSpecification":{"reportType":"GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT",
              "reportOptions":{"reportPeriod":"WEEK","asin":"B123456789 B987654321"},
              "dataStartTime":"2025-01-05","dataEndTime":"2025-01-11","marketplaceIds":["ATVPDKIKX0DER"]},
             "dataByAsin":[{"startDate":"2025-01-05","endDate":"2025-01-11","asin":"B123456789",
              "searchQueryData":{"searchQuery":"wireless headphones","searchQueryScore":5,"searchQueryVolume":15000},
              "impressionData":{"totalQueryImpressionCount":10000,"asinImpressionCount":765,"asinImpressionShare":0.0765},
              "clickData":{"totalClickCount":1000,"totalClickRate":0.1,"asinClickCount":50,"asinClickShare":0.05},
              "cartAddData":{"totalCartAddCount":200,"totalCartAddRate":0.02,"asinCartAddCount":10,"asinCartAddShare":0.05},
              "purchaseData":{"totalPurchaseCount":100,"totalPurchaseRate":0.01,"asinPurchaseCount":5,"asinPurchaseShare":0.05}},
             {"startDate":"2025-01-05","endDate":"2025-01-11","asin":"B987654321",
              "searchQueryData":{"searchQuery":"wireless headphones","searchQueryScore":5,"searchQueryVolume":15000},
              "impressionData":{"totalQueryImpressionCount":10000,"asinImpressionCount":100,"asinImpressionShare":0.01}}]}
            """;

    private static Map<String, Object> body(UUID brand) {
        return Map.of("brandId", brand.toString(), "marketplace", "US", "period", "WEEK", "startDate", "2025-01-05",
                "endDate", "2025-01-11", "asins", List.of("B123456789", "b987654321"));
    }

    @Test
    void theReportIsFetchedInTheBackgroundAndPublishedOnSqpReportsAsTheContractSays() throws Exception {
        UUID user = UUID.randomUUID();
        UUID brand = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        String reportId = "sqp-" + user;
        ReportsMock.stubCreate(access, ReportsMock.SQP, US, reportId);
        ReportsMock.stubStatuses(access, reportId, ReportsMock.SQP, "sqp-doc-" + user, "IN_QUEUE", "IN_PROGRESS",
                "DONE");
        ReportsMock.stubDocument(access, "sqp-doc-" + user, DOCUMENT.getBytes(StandardCharsets.UTF_8), true);

        String activityId = given().auth().oauth2(jwt).contentType(ContentType.JSON).body(body(brand))
                .post("/api/brand-analytics/sqp-reports/").then().statusCode(202)
                .body("success", equalTo(true)).body("status", equalTo("pending"))
                .extract().path("activity_id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(jwt)
                .get("/api/activities/" + activityId + "/").then().statusCode(200)
                .body("data.status", equalTo("completed")));
        given().auth().oauth2(jwt).get("/api/activities/" + activityId + "/").then()
                .body("data.activity_type", equalTo("reports"))
                .body("data.action", equalTo("sqp_report"))
                .body("data.records_processed", equalTo(2))
                .body("data.result.report_id", equalTo(reportId));
        // Amazon was asked for one week of the two ASINs, as its SQP report options say.
        AmazonMock.server().verify(postRequestedFor(urlPathEqualTo(ReportsMock.REPORTS))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .withRequestBody(matchingJsonPath("$.reportOptions.reportPeriod", WireMock.equalTo("WEEK")))
                .withRequestBody(matchingJsonPath("$.reportOptions.asin", WireMock.equalTo("B123456789 B987654321")))
                .withRequestBody(matchingJsonPath("$.dataStartTime", WireMock.equalTo("2025-01-05")))
                .withRequestBody(matchingJsonPath("$.dataEndTime", WireMock.equalTo("2025-01-11"))));

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("sqp.reports"),
                    r -> brand.toString().equals(r.key()));
            Contracts.assertConforms("sqp.reports", "sqp_report", record.value());
            JsonNode data = JSON.readTree(record.value()).get("data");
            assertEquals(user.toString(), data.get("user_id").asText());
            assertEquals(reportId, data.get("report_id").asText());
            assertEquals(US, data.get("marketplace_id").asText());
            byte[] gzip = Base64.getDecoder().decode(data.get("document").asText());
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
                assertEquals(JSON.readTree(DOCUMENT), JSON.readTree(in.readAllBytes()));
            }
            assertEquals(activityIdRecordEvent(jwt, activityId), JSON.readTree(record.value()).get("event_id").asText());
        }
    }

    private static String activityIdRecordEvent(String jwt, String activityId) {
        return given().auth().oauth2(jwt).get("/api/activities/" + activityId + "/").then().extract()
                .path("data.result.event_id");
    }

    @Test
    void aFatalReportFailsTheActivityWithAmazonsStatusAndPublishesNothing() {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        ReportsMock.stubCreate(access, ReportsMock.SQP, US, "sqp-fatal-" + user);
        ReportsMock.stubStatuses(access, "sqp-fatal-" + user, ReportsMock.SQP, null, "IN_PROGRESS", "FATAL");

        String activityId = given().auth().oauth2(jwt).contentType(ContentType.JSON).body(body(UUID.randomUUID()))
                .post("/api/brand-analytics/sqp-reports").then().statusCode(202).extract().path("activity_id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(jwt)
                .get("/api/activities/" + activityId).then().statusCode(200)
                .body("data.status", equalTo("failed"))
                .body("data.error_message", containsString("FATAL")));
    }

    @Test
    void requestsAmazonWouldRefuseAre400sInDocBsShape() {
        UUID user = UUID.randomUUID();
        String jwt = ReportsMock.connectedUser(user, ReportsMock.accessFor(user));
        UUID brand = UUID.randomUUID();
        Map<String, Object> notSunday = new java.util.HashMap<>(body(brand));
        notSunday.put("startDate", "2025-01-06");
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(notSunday)
                .post("/api/brand-analytics/sqp-reports/").then().statusCode(400)
                .body("error", containsString("Sunday"));
        Map<String, Object> twoWeeks = new java.util.HashMap<>(body(brand));
        twoWeeks.put("endDate", "2025-01-18");
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(twoWeeks)
                .post("/api/brand-analytics/sqp-reports/").then().statusCode(400)
                .body("error", containsString("exactly one WEEK"));
        Map<String, Object> badAsin = new java.util.HashMap<>(body(brand));
        badAsin.put("asins", List.of("nope"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(badAsin)
                .post("/api/brand-analytics/sqp-reports/").then().statusCode(400)
                .body("error", containsString("ASIN"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(Map.of("marketplace", "US"))
                .post("/api/brand-analytics/sqp-reports/").then().statusCode(400)
                .body("error", equalTo("Invalid or missing parameters"));
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "x@example.com", "pro")).contentType(ContentType.JSON)
                .body(body(brand)).post("/api/brand-analytics/sqp-reports/").then().statusCode(400)
                .body("error", containsString("connect"));
    }
}
