package io.shelfwatch.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Doc D through the gateway: a brand is created, Amazon's Search Query Performance document is
 * uploaded gzip-compressed (as large reports must be, under the gateway's body limit), and the
 * brand's products come back with doc D's metrics; errors keep doc D's `{error, details, code}`.
 */
class BrandAnalyticsJourneyTest {

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
        RestAssured.baseURI = Suite.gatewayUrl();
    }

    @Test
    void aBrandsSearchQueryReportIsLoadedAndReadThroughTheGateway() throws IOException {
        String token = FirstJourneyTest.adminToken();
        String brandId = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Journey Audio\"}")
                .post("/api/brands").then().statusCode(201).body("name", equalTo("Journey Audio"))
                .extract().path("id");

        // Amazon's own example report document (the one etl-service's tests load).
        byte[] document = Files.readAllBytes(Path.of(System.getProperty("shelfwatch.root", ".."))
                .resolve("etl-service/src/test/resources/analytics/amazon-example-report.json"));
        given().auth().oauth2(token).contentType("application/gzip").body(gzip(document))
                .post("/api/brands/" + brandId + "/search-query-performance")
                .then().statusCode(201).body("status", equalTo("loaded"));

        given().auth().oauth2(token)
                .queryParam("startDate", "2025-01-01").queryParam("endDate", "2025-01-31")
                .queryParam("sortBy", "asin").queryParam("order", "asc")
                .get("/api/brands/" + brandId + "/products")
                .then().statusCode(200)
                .body("totalCount", equalTo(2))
                .body("products.asin", contains("B123456789", "B987654321"))
                .body("products[0].impressions", equalTo(765));

        given().auth().oauth2(token).queryParam("limit", 101)
                .get("/api/brands/" + brandId + "/products")
                .then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"));

        // Doc D's own example, sent as a browser sends it: the JSON in the query with { } unencoded.
        String context = rawGet("/api/brands/navigation/context?fromPage=brand-dashboard&brandId=" + brandId
                + "&dateRange={\"start\":\"2025-08-01\",\"end\":\"2025-08-31\"}", token);
        assertThat(context, startsWith("HTTP/1.1 200"));
        assertThat(context, containsString("\"start\":\"2025-08-01\""));
    }

    /** A GET written as it is onto the gateway's socket (HTTP clients encode or refuse such a target). */
    private static String rawGet(String target, String token) throws IOException {
        URI gateway = URI.create(Suite.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + gateway.getHost()
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
