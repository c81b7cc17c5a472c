package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

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
class BackgroundFetchTest {

    private static final String UK = "A1F83G8C2ARO7P";
    private static final String ORDERS = "/orders/v0/orders";

    private static String order(String id, String purchased) {
        return """
                {"AmazonOrderId":"%s","PurchaseDate":"%s","LastUpdateDate":"%s","OrderStatus":"Shipped",
                 "FulfillmentChannel":"AFN","SalesChannel":"Amazon.co.uk","OrderTotal":{"CurrencyCode":"GBP","Amount":"11.01"},
                 "NumberOfItemsShipped":1,"NumberOfItemsUnshipped":0,"MarketplaceId":"A1F83G8C2ARO7P"}
                """.formatted(id, purchased, purchased);
    }

    private static String items(String orderId) {
        return """
                {"payload":{"AmazonOrderId":"%s","OrderItems":[{"ASIN":"B00551Q3CS","OrderItemId":"item-%s",
                 "SellerSKU":"SKU-BG","Title":"Card Book","QuantityOrdered":1,"QuantityShipped":1,
                 "ItemPrice":{"CurrencyCode":"GBP","Amount":"10.00"},"ItemTax":{"CurrencyCode":"GBP","Amount":"1.01"}}]}}
                """.formatted(orderId, orderId);
    }

    private static void stubOrders(String access, String createdAfter, String body) {
        MappingBuilder request = get(urlPathEqualTo(ORDERS)).withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("CreatedAfter", WireMock.equalTo(createdAfter));
        AmazonMock.server().stubFor(request.willReturn(ReportsMock.json(200, body)));
    }

    private static String page(String... orders) {
        return "{\"payload\":{\"Orders\":[" + String.join(",", orders) + "]}}";
    }

    @Test
    void aBackgroundFetchAnswers202AndItsActivityEndsWithADownloadableCacheKey() {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        String id = "203-" + user.toString().substring(0, 7) + "-0000001";
        stubOrders(access, "2026-01-01T00:00:00Z", page(order(id, "2026-01-01T10:00:00Z")));
        stubOrders(access, "2026-01-02T00:00:00Z", page());
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS + "/" + id + "/orderItems"))
                .willReturn(ReportsMock.json(200, items(id))));

        String activityId = given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-01-02",
                        "auto_save", true, "background", true))
                .post("/api/fetch-data/").then().statusCode(202)
                .body("status", equalTo("pending")).extract().path("activity_id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(jwt)
                .get("/api/activities/" + activityId + "/").then().statusCode(200)
                .body("data.status", equalTo("completed")));
        String cacheKey = given().auth().oauth2(jwt).get("/api/activities/" + activityId + "/").then()
                .body("data.activity_type", equalTo("orders"))
                .body("data.records_processed", equalTo(1))
                .body("data.result.statistics.order_items_count", equalTo(1))
                .body("data.result.processed_data.cache_key", notNullValue())
                .extract().path("data.result.processed_data.cache_key");
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("cache_key", cacheKey, "data_type", "azure"))
                .post("/api/download-processed/").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString(id));
    }

    @Test
    void aFetchInterruptedByARestartResumesFromItsRecordedProgress() throws Throwable {
        UUID user = UUID.randomUUID();
        String access = ReportsMock.accessFor(user);
        String jwt = ReportsMock.connectedUser(user, access);
        String id = "204-" + user.toString().substring(0, 7) + "-0000003";
        stubOrders(access, "2026-01-03T00:00:00Z", page(order(id, "2026-01-03T09:00:00Z")));
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS + "/" + id + "/orderItems"))
                .willReturn(ReportsMock.json(200, items(id))));
        UUID activity = UUID.randomUUID();
        // A replica stopped after the first two days: its lease has run out.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("""
                        INSERT INTO activities (id, user_id, activity_type, action, marketplace_id, status, detail,
                            background, request, progress, attempts, lease_until, started_at, created_at, updated_at)
                        VALUES (:id, :u, 'orders', 'fetch_data', 'A1F83G8C2ARO7P', 'in_progress', 'interrupted', true,
                            :request, :progress, 1, now() - interval '1 minute', now() - interval '10 minutes',
                            now() - interval '10 minutes', now() - interval '2 minutes')""")
                        .setParameter("id", activity).setParameter("u", user)
                        .setParameter("request", "{\"marketplace_id\":\"A1F83G8C2ARO7P\",\"created_after\":"
                                + "\"2026-01-01T00:00:00Z\",\"created_before\":\"2026-01-04T00:00:00Z\","
                                + "\"max_orders\":null,\"auto_save\":false}")
                        .setParameter("progress", "{\"resume_from\":\"2026-01-03T00:00:00Z\",\"orders\":0,"
                                + "\"order_items\":0,\"pages\":2,\"failed_orders\":[]}")
                        .executeUpdate())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(jwt)
                .get("/api/activities/" + activity + "/").then().statusCode(200)
                .body("data.status", equalTo("completed"))
                .body("data.records_processed", equalTo(1)));
        // Only the day not yet fetched was asked for.
        AmazonMock.server().verify(0, getRequestedFor(urlPathEqualTo(ORDERS))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("CreatedAfter", WireMock.equalTo("2026-01-01T00:00:00Z")));
        AmazonMock.server().verify(1, getRequestedFor(urlPathEqualTo(ORDERS))
                .withHeader(ReportsMock.TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("CreatedAfter", WireMock.equalTo("2026-01-03T00:00:00Z")));
    }

    @Test
    void aBackgroundFetchNeedsAStoredConnection() {
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "x@example.com", "pro")).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-01-02",
                        "access_token", "Atza|given", "background", true))
                .post("/api/fetch-data/").then().statusCode(400).body("error", containsString("connect"));
    }
}
