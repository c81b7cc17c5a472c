package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.shelfwatch.connector.support.ReportsMock.FBA;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.support.AmazonMock;
import io.shelfwatch.connector.support.ReportsMock;
import io.shelfwatch.connector.support.Tokens;

@QuarkusTest
@QuarkusTestResource(AmazonMock.class)
class InventoryReportsTest {

    private static final String IT = "APJ6JRA9NG5V4";
    private static final String DE = "A1PA6795UKMFR9";
    private static final String UK = "A1F83G8C2ARO7P";

    private static long count(String sql, UUID user) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery(sql, Long.class).setParameter("u", user).getSingleResult())));
    }

    private static String text(String sql, UUID user) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery(sql, String.class).setParameter("u", user).getSingleResult())));
    }

    @Test
    void aGzipReportThatIsInProgressBeforeDoneIsDownloadedParsedAndStoredOncePerDay() throws Throwable {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        String reportId = "rep-it-" + user;
        ReportsMock.stubCreate(access, FBA, IT, reportId);
        ReportsMock.stubStatuses(access, reportId, FBA, "doc-it-" + user, "IN_QUEUE", "IN_PROGRESS", "DONE");
        ReportsMock.stubDocument(access, "doc-it-" + user, ReportsMock.inventoryTsv("SKU-1", "SKU-2"), true);

        String activityId = given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplaces", List.of("IT")))
                .post("/api/inventory/reports/").then().statusCode(200)
                .body("success", equalTo(true))
                .body("report_type", equalTo(FBA))
                .body("results.IT.success", equalTo(true))
                .body("results.IT.marketplace_id", equalTo(IT))
                .body("results.IT.report_id", equalTo(reportId))
                .body("results.IT.compression", equalTo("GZIP"))
                .body("results.IT.rows", equalTo(2))
                .body("results.IT.persistence.database.rows_saved", equalTo(2))
                .body("results.IT.persistence.csv.success", equalTo(true))
                .body("summary.succeeded", equalTo(1))
                .extract().path("results.IT.activity_id");

        // Yesterday in the marketplace's own time zone, sent to Amazon as UTC.
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1);
        AmazonMock.server().verify(postRequestedFor(urlPathEqualTo(ReportsMock.REPORTS))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .withRequestBody(matchingJsonPath("$.reportType", WireMock.equalTo(FBA)))
                .withRequestBody(matchingJsonPath("$.dataStartTime", WireMock.equalTo(
                        yesterday.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().toString()))));
        assertEquals(2, count("SELECT count(*) FROM inventory_items WHERE user_id = :u", user));
        assertEquals(2, count("SELECT count(*) FROM inventory_items WHERE user_id = :u AND sku IN ('SKU-1','SKU-2')"
                + " AND afn_fulfillable_quantity IS NOT NULL AND your_price IS NOT NULL", user));
        String csv = text("SELECT csv FROM inventory_reports WHERE user_id = :u", user);
        assertTrue(csv.startsWith("sku,fnsku,asin,product-name,"), csv);
        assertTrue(csv.contains("\"Caffè, \"\"deluxe\"\" 1\""), "the CSV quotes commas and quotes: " + csv);

        given().auth().oauth2(jwt).get("/api/activities/" + activityId + "/").then().statusCode(200)
                .body("data.status", equalTo("completed"))
                .body("data.activity_type", equalTo("reports"))
                .body("data.marketplace_id", equalTo(IT))
                .body("data.records_processed", equalTo(2))
                .body("data.duration_formatted", notNullValue())
                .body("data.progress.processing_status", equalTo("DONE"));

        // The same day again replaces the day's rows instead of adding to them.
        ReportsMock.stubStatuses(access, reportId, FBA, "doc-it-" + user, "DONE");
        AmazonMock.server().setScenarioState("report-" + reportId, Scenario.STARTED);
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(Map.of("marketplaces", List.of("it")))
                .post("/api/inventory/reports").then().statusCode(200)
                .body("results.IT.persistence.database.replaced_previous", equalTo(true));
        assertEquals(2, count("SELECT count(*) FROM inventory_items WHERE user_id = :u", user));
    }

    @Test
    void eachMarketplaceGetsItsOwnResultAPlainDocumentWorksAndAFatalReportIsReportedWithAmazonsReason()
            throws Throwable {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        ReportsMock.stubCreate(access, FBA, DE, "rep-de-" + user);
        ReportsMock.stubStatuses(access, "rep-de-" + user, FBA, "doc-de-" + user, "IN_PROGRESS", "DONE");
        ReportsMock.stubDocument(access, "doc-de-" + user, ReportsMock.inventoryTsv("DE-1", "DE-2", "DE-3"), false);
        ReportsMock.stubCreate(access, FBA, UK, "rep-uk-" + user);
        ReportsMock.stubStatuses(access, "rep-uk-" + user, FBA, "err-uk-" + user, "IN_QUEUE", "FATAL");
        ReportsMock.stubDocument(access, "err-uk-" + user,
                "{\"errorDetails\":\"Report could not be generated for this seller\"}".getBytes(StandardCharsets.UTF_8),
                false);

        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(Map.of("marketplaces", List.of("DE", "UK")))
                .post("/api/inventory/reports/").then().statusCode(200)
                .body("success", equalTo(false))
                .body("results.DE.success", equalTo(true))
                .body("results.DE.compression", nullValue())
                .body("results.DE.rows", equalTo(3))
                .body("results.UK.success", equalTo(false))
                .body("results.UK.error", containsString("FATAL"))
                .body("results.UK.details.processing_status", equalTo("FATAL"))
                .body("results.UK.details.errors[0].message", containsString("could not be generated"))
                .body("summary.failed", equalTo(1));
        assertEquals(3, count("SELECT count(*) FROM inventory_items WHERE user_id = :u", user));
        given().auth().oauth2(jwt).queryParam("status", "failed").get("/api/activities/").then().statusCode(200)
                .body("data.activities.marketplace_id", equalTo(List.of(UK)))
                .body("data.activities[0].error_message", containsString("FATAL"));
    }

    @Test
    void whenEveryMarketplaceFailsTheCallerGetsDocBsErrorShape() {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        ReportsMock.stubCreate(access, FBA, IT, "rep-fatal-" + user);
        ReportsMock.stubStatuses(access, "rep-fatal-" + user, FBA, null, "FATAL");

        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(Map.of("marketplaces", List.of("IT")))
                .post("/api/inventory/reports/").then().statusCode(502)
                .body("error", containsString("failed for every marketplace"))
                .body("details.IT.success", equalTo(false))
                .body("details.IT.details.report_id", equalTo("rep-fatal-" + user))
                .body("details.IT.details.processing_status", equalTo("FATAL"));
    }

    @Test
    void aRateLimitedCreateReportIsRetriedAndSucceeds() {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        String scenario = "throttled-" + user;
        AmazonMock.server().stubFor(post(urlPathEqualTo(ReportsMock.REPORTS))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("allowed")
                .willReturn(ReportsMock.json(429, "{\"errors\":[{\"code\":\"QuotaExceeded\","
                        + "\"message\":\"You exceeded your quota for the requested resource.\",\"details\":\"\"}]}")
                        .withHeader("x-amzn-RateLimit-Limit", "0.0167")));
        AmazonMock.server().stubFor(post(urlPathEqualTo(ReportsMock.REPORTS))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .inScenario(scenario).whenScenarioStateIs("allowed")
                .willReturn(ReportsMock.json(202, "{\"reportId\":\"rep-429-" + user + "\"}")));
        ReportsMock.stubStatuses(access, "rep-429-" + user, FBA, "doc-429-" + user, "DONE");
        ReportsMock.stubDocument(access, "doc-429-" + user, ReportsMock.inventoryTsv("T-1"), true);

        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(Map.of("marketplaces", List.of("IT")))
                .post("/api/inventory/reports/").then().statusCode(200)
                .body("results.IT.success", equalTo(true))
                .body("results.IT.rows", equalTo(1));
        AmazonMock.server().verify(2, postRequestedFor(urlPathEqualTo(ReportsMock.REPORTS))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access)));
    }

    @Test
    void badInputAndMissingConnectionAre400sInDocBsShape() {
        String jwt = Tokens.forUser(UUID.randomUUID(), "nobody@example.com", "free");
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(Map.of("marketplaces", List.of("FR")))
                .post("/api/inventory/reports/").then().statusCode(400)
                .body("error", containsString("valid codes: IT, DE, UK"))
                .body("$", org.hamcrest.Matchers.hasKey("details"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body("{}")
                .post("/api/inventory/reports/").then().statusCode(400)
                .body("error", containsString("connect"));
        given().contentType(ContentType.JSON).body("{}").post("/api/inventory/reports/").then().statusCode(401)
                .body("error", notNullValue());
    }

    @Test
    void theInfoEndpointDescribesMarketplacesCredentialsAndRateLimits() {
        UUID user = UUID.randomUUID();
        String jwt = ReportsMock.connectedUser(user, ReportsMock.accessFor(user));
        given().auth().oauth2(jwt).get("/api/inventory/reports/").then().statusCode(200)
                .body("report_type", equalTo(FBA))
                .body("default_marketplaces", equalTo(List.of("IT", "DE", "UK")))
                .body("marketplaces.UK.marketplace_id", equalTo(UK))
                .body("credentials.connected", equalTo(true))
                .body("credentials.token_valid", equalTo(true))
                .body("rate_limits.createReport.burst", equalTo(15))
                .body("rate_limits.getReport.rate_per_second", equalTo(2.0f))
                .body("rate_limits.keySet()", hasItem("getReportDocument"));
    }
}
