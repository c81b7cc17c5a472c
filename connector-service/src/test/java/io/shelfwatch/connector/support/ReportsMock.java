package io.shelfwatch.connector.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.restassured.http.ContentType;

/**
 * Amazon's Reports API 2021-06-30 as reports_2021-06-30.json shows it: createReport 202
 * `{"reportId"}`, getReport with `processingStatus` moving IN_QUEUE → IN_PROGRESS → DONE (or
 * FATAL / CANCELLED), getReportDocument `{"reportDocumentId","url","compressionAlgorithm"?}`,
 * and the document behind the presigned url, gzip or plain. Stubs match the user's access token.
 */
public final class ReportsMock {

    public static final String REPORTS = "/reports/2021-06-30/reports";
    public static final String DOCUMENTS = "/reports/2021-06-30/documents/";
    public static final String SCHEDULES = "/reports/2021-06-30/schedules";
    public static final String TOKEN_HEADER = "x-amz-access-token";
    public static final String FBA = "GET_FBA_MYI_ALL_INVENTORY_DATA";
    public static final String SQP = "GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT";

    private ReportsMock() {
    }

    /** A user with a stored connection whose Amazon access token is `access`; returns their JWT. */
    public static String connectedUser(UUID user, String access) {
        String refresh = "Atzr|reports-" + user;
        AmazonMock.stubToken("amzn1.application-oa2-client.reports", "reports-secret", refresh, access);
        String jwt = Tokens.forUser(user, "seller@example.com", "pro");
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("appId", "amzn1.application-oa2-client.reports", "clientSecret", "reports-secret",
                        "refreshToken", refresh))
                .post("/api/connect/").then().statusCode(200);
        return jwt;
    }

    public static String accessFor(UUID user) {
        return "Atza|reports-" + user;
    }

    /** createReport for this report type and marketplace answers 202 with `reportId`. */
    public static void stubCreate(String access, String reportType, String marketplaceId, String reportId) {
        AmazonMock.server().stubFor(post(urlPathEqualTo(REPORTS))
                .withHeader(TOKEN_HEADER, equalTo(access))
                .withRequestBody(matchingJsonPath("$.reportType", equalTo(reportType)))
                .withRequestBody(matchingJsonPath("$.marketplaceIds[0]", equalTo(marketplaceId)))
                .willReturn(json(202, "{\"reportId\":\"" + reportId + "\"}")));
    }

    /** getReport answers each status in turn, the last one from then on; DONE and FATAL carry the document id. */
    public static void stubStatuses(String access, String reportId, String reportType, String documentId,
            String... statuses) {
        String scenario = "report-" + reportId;
        for (int i = 0; i < statuses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "poll-" + i;
            boolean finished = !statuses[i].startsWith("IN_");
            String body = "{\"reportId\":\"" + reportId + "\",\"reportType\":\"" + reportType + "\","
                    + "\"dataStartTime\":\"2026-11-22T00:00:00Z\",\"dataEndTime\":\"2026-11-22T23:59:59Z\","
                    + "\"createdTime\":\"2026-11-23T01:00:00Z\",\"processingStatus\":\"" + statuses[i] + "\""
                    + (finished && documentId != null ? ",\"reportDocumentId\":\"" + documentId + "\"" : "") + "}";
            var stub = get(urlPathEqualTo(REPORTS + "/" + reportId)).withHeader(TOKEN_HEADER, equalTo(access))
                    .inScenario(scenario).whenScenarioStateIs(state).willReturn(json(200, body));
            if (i < statuses.length - 1) {
                stub = stub.willSetStateTo("poll-" + (i + 1));
            }
            AmazonMock.server().stubFor(stub);
        }
    }

    /** getReportDocument and the document itself (gzip-compressed when `gzip`). */
    public static void stubDocument(String access, String documentId, byte[] content, boolean gzip) {
        String url = AmazonMock.server().baseUrl() + "/presigned/" + documentId + (gzip ? ".gz" : ".txt");
        AmazonMock.server().stubFor(get(urlPathEqualTo(DOCUMENTS + documentId)).withHeader(TOKEN_HEADER, equalTo(access))
                .willReturn(json(200, "{\"reportDocumentId\":\"" + documentId + "\",\"url\":\"" + url + "\""
                        + (gzip ? ",\"compressionAlgorithm\":\"GZIP\"" : "") + "}")));
        AmazonMock.server().stubFor(get(urlPathEqualTo("/presigned/" + documentId + (gzip ? ".gz" : ".txt")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(gzip ? gzip(content) : content)));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RateLimit-Limit", "2.0").withBody(body);
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Amazon's FBA inventory report: a header of its column names, then one tab-separated line per SKU. */
    public static byte[] inventoryTsv(String... skus) {
        StringBuilder tsv = new StringBuilder("sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\t"
                + "mfn-listing-exists\tmfn-fulfillable-quantity\tafn-listing-exists\tafn-warehouse-quantity\t"
                + "afn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-total-quantity\t"
                + "per-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\t"
                + "afn-inbound-receiving-quantity\tafn-researching-quantity\tafn-reserved-future-supply\t"
                + "afn-future-supply-buyable\n");
        int n = 0;
        for (String sku : skus) {
            n++;
            tsv.append(sku).append("\tX00").append(n).append("ABCDE\tB0").append(n).append("CDEFGH1\t")
                    .append("Caffè, \"deluxe\" ").append(n).append("\tNew\t19.9").append(n)
                    .append("\tNo\t0\tYes\t").append(10 + n).append('\t').append(7 + n).append("\t1\t2\t")
                    .append(10 + n).append("\t0.5\t0\t0\t0\t0\t0\t0\n");
        }
        return tsv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
