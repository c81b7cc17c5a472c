package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.support.AmazonMock;

/**
 * bench/connector.sh: orders fetched per minute by `POST /api/fetch-data/` against an imitation of
 * the Orders API that answers at once, under Amazon's documented getOrders (0.0167/s, burst 20) and
 * getOrderItems (0.5/s, burst 30) rates scaled by connector.sp-api.rate-scale (60 in the script, so
 * it runs in seconds), as a ratio to the most those rates allow. Every order costs one getOrderItems
 * call, so that bucket bounds the run: the first 30 calls use the burst, the rest come at the rate.
 * Prints one line; it measures, it never fails on a number. Only with -Dshelfwatch.bench=true.
 */
@QuarkusTest
@WithTestResource(AmazonMock.class)
@EnabledIfSystemProperty(named = "shelfwatch.bench", matches = "true")
class ConnectorBenchTest {

    private static final String UK = "A1F83G8C2ARO7P";
    private static final String ORDERS = "/orders/v0/orders";
    private static final int ORDERS_PER_PAGE = 100;
    private static final int PAGES = 4;
    private static final double ITEMS_RATE = 0.5;
    private static final int ITEMS_BURST = 30;

    @ConfigProperty(name = "connector.sp-api.rate-scale")
    double rateScale;

    @Test
    void ordersFetchedPerMinuteAgainstWhatAmazonsRatesAllow() {
        UUID user = UUID.randomUUID();
        String jwt = FetchDataResourceTest.connectedUser(user, "Atza|bench-" + user);
        String prefix = "205-" + user.toString().substring(0, 7) + "-";
        for (int page = 0; page < PAGES; page++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ORDERS_PER_PAGE; i++) {
                ids.add(prefix + String.format("%07d", page * ORDERS_PER_PAGE + i));
            }
            String next = page + 1 < PAGES ? "bench-page-" + (page + 1) : null;
            var request = get(urlPathEqualTo(ORDERS));
            request = page == 0 ? request.withQueryParam("NextToken", WireMock.absent())
                    : request.withQueryParam("NextToken", WireMock.equalTo("bench-page-" + page));
            stub(request, FetchDataResourceTest.ordersPage(next, ids.toArray(String[]::new)), "0.0167");
        }
        stub(get(urlPathMatching(ORDERS + "/" + prefix + "[0-9]+/orderItems")),
                FetchDataResourceTest.items("{{request.pathSegments.[3]}}", "item-bench"), Double.toString(ITEMS_RATE));

        int orders = ORDERS_PER_PAGE * PAGES;
        long start = System.nanoTime();
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-01-15"))
                .post("/api/fetch-data/").then().statusCode(200).body("success", equalTo(true));
        double seconds = (System.nanoTime() - start) / 1e9;

        double itemsPerSecond = ITEMS_RATE * rateScale;
        double fastestSeconds = Math.max(0, orders - ITEMS_BURST) / itemsPerSecond;
        System.out.printf(java.util.Locale.ROOT,
                "connector: %d orders in %.1f s = %.0f orders/min; Amazon's rates x%.0f allow %.0f orders/min over"
                        + " this run (%.1f s at best); ratio %.2f%n",
                orders, seconds, orders / seconds * 60, rateScale, orders / fastestSeconds * 60, fastestSeconds,
                fastestSeconds / seconds);
    }

    private static void stub(com.github.tomakehurst.wiremock.client.MappingBuilder request, String body, String rate) {
        AmazonMock.server().stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-RateLimit-Limit", rate)
                .withBody(body).withTransformers("response-template")));
    }
}
