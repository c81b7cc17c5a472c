package io.shelfwatch.connector.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.shelfwatch.connector.service.ActivityService;
import io.shelfwatch.connector.support.AmazonMock;
import io.shelfwatch.connector.support.Tokens;

@QuarkusTest
@QuarkusTestResource(AmazonMock.class)
class FetchDataResourceTest {

    private static final String UK = "A1F83G8C2ARO7P";
    private static final String ORDERS = "/orders/v0/orders";
    private static final String TOKEN_HEADER = "x-amz-access-token";

    /** An order shaped like ordersV0.json's getOrders example. */
    private static String order(String id) {
        return """
                {"AmazonOrderId":"%s","PurchaseDate":"2026-01-05T10:00:00Z","LastUpdateDate":"2026-01-05T11:00:00Z",
                 "OrderStatus":"Unshipped","FulfillmentChannel":"MFN","SalesChannel":"Amazon.co.uk",
                 "ShipServiceLevel":"Std UK Dom","OrderTotal":{"CurrencyCode":"GBP","Amount":"11.01"},
                 "NumberOfItemsShipped":0,"NumberOfItemsUnshipped":1,"PaymentMethod":"Other",
                 "MarketplaceId":"A1F83G8C2ARO7P","OrderType":"StandardOrder","IsPrime":false}
                """.formatted(id);
    }

    static String ordersPage(String nextToken, String... ids) {
        List<String> orders = java.util.Arrays.stream(ids).map(FetchDataResourceTest::order).toList();
        return "{\"payload\":{\"CreatedBefore\":\"2026-01-20T00:00:00Z\",\"Orders\":[" + String.join(",", orders) + "]"
                + (nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"") + "}}";
    }

    /** Items shaped like ordersV0.json's getOrderItems example. */
    static String items(String orderId, String itemId) {
        return """
                {"payload":{"AmazonOrderId":"%s","OrderItems":[{"ASIN":"B00551Q3CS","OrderItemId":"%s",
                 "SellerSKU":"NABetaASINB00551Q3CS","Title":"B00551Q3CS [Card Book]","QuantityOrdered":1,
                 "QuantityShipped":0,"ProductInfo":{"NumberOfItems":"1"},
                 "ItemPrice":{"CurrencyCode":"GBP","Amount":"10.00"},"ItemTax":{"CurrencyCode":"GBP","Amount":"1.01"},
                 "PromotionDiscount":{"CurrencyCode":"GBP","Amount":"0.00"},"IsGift":"false","ConditionId":"New"}]}}
                """.formatted(orderId, itemId);
    }

    private static void stubJson(com.github.tomakehurst.wiremock.client.MappingBuilder request, String body) {
        AmazonMock.server().stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-RateLimit-Limit", "0.0167")
                .withBody(body)));
    }

    /** Connects a new user whose Amazon access token is `accessToken`; returns their JWT. */
    static String connectedUser(UUID user, String accessToken) {
        String refresh = "Atzr|fetch-" + user;
        AmazonMock.stubToken("amzn1.application-oa2-client.fetch", "fetch-secret", refresh, accessToken);
        String jwt = Tokens.forUser(user, "seller@example.com", "pro");
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("appId", "amzn1.application-oa2-client.fetch", "clientSecret", "fetch-secret",
                        "refreshToken", refresh))
                .post("/api/connect/").then().statusCode(200);
        return jwt;
    }

    private static Map<String, Object> fetchBody() {
        return Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-01-15");
    }

    private static long storedCount(String table, UUID user) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT count(*) FROM " + table + " WHERE user_id = :u", Long.class)
                        .setParameter("u", user).getSingleResult())));
    }

    @Test
    void everyPageOfOrdersAndTheirItemsAreFetchedAndStoredOnce() throws Throwable {
        UUID user = UUID.randomUUID();
        String access = "Atza|paging-" + user;
        String jwt = connectedUser(user, access);
        String a = "202-" + user.toString().substring(0, 7) + "-0000001";
        String b = "202-" + user.toString().substring(0, 7) + "-0000002";
        String c = "202-" + user.toString().substring(0, 7) + "-0000003";
        stubJson(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("MarketplaceIds", WireMock.equalTo(UK))
                .withQueryParam("CreatedAfter", WireMock.equalTo("2026-01-01T00:00:00Z"))
                .withQueryParam("CreatedBefore", WireMock.equalTo("2026-01-16T00:00:00Z"))
                .withQueryParam("NextToken", absent()), ordersPage("page-2-" + user, a, b));
        stubJson(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("NextToken", WireMock.equalTo("page-2-" + user)), ordersPage(null, c));
        for (String id : List.of(a, b, c)) {
            stubJson(get(urlPathEqualTo(ORDERS + "/" + id + "/orderItems")), items(id, "item-" + id));
        }

        for (int run = 0; run < 2; run++) {
            given().auth().oauth2(jwt).contentType(ContentType.JSON).body(fetchBody())
                    .post("/api/fetch-data/").then().statusCode(200)
                    .body("success", equalTo(true))
                    .body("orders.AmazonOrderId", equalTo(List.of(a, b, c)))
                    .body("orders[0].OrderTotal.Amount", equalTo("11.01"))
                    .body("order_items", hasSize(3))
                    .body("order_items.AmazonOrderId", hasItem(c))
                    .body("order_items[0].ASIN", equalTo("B00551Q3CS"))
                    .body("failed_orders", hasSize(0))
                    .body("statistics.pages", equalTo(2));
        }
        // Fetched twice, stored once.
        assertEquals(3, storedCount("orders", user));
        assertEquals(3, storedCount("order_items", user));
    }

    @Test
    void maxOrdersStopsPagingEarly() {
        UUID user = UUID.randomUUID();
        String access = "Atza|max-" + user;
        String jwt = connectedUser(user, access);
        String a = "203-" + user.toString().substring(0, 7) + "-0000001";
        String b = "203-" + user.toString().substring(0, 7) + "-0000002";
        stubJson(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("MaxResultsPerPage", WireMock.equalTo("1")), ordersPage("more-" + user, a));
        stubJson(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .withQueryParam("NextToken", WireMock.equalTo("more-" + user)), ordersPage(null, b));
        stubJson(get(urlPathEqualTo(ORDERS + "/" + a + "/orderItems")), items(a, "item-" + a));

        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-01-15",
                        "max_orders", 1))
                .post("/api/fetch-data").then().statusCode(200)
                .body("orders.AmazonOrderId", equalTo(List.of(a)));
        AmazonMock.server().verify(0, getRequestedFor(urlPathEqualTo(ORDERS))
                .withQueryParam("NextToken", WireMock.equalTo("more-" + user)));
    }

    @Test
    void a429WithAmazonsRateHeaderIsRetriedAndAFailingOrderIsListed() {
        UUID user = UUID.randomUUID();
        String access = "Atza|throttled-" + user;
        String jwt = connectedUser(user, access);
        String a = "204-" + user.toString().substring(0, 7) + "-0000001";
        String b = "204-" + user.toString().substring(0, 7) + "-0000002";
        stubJson(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access)), ordersPage(null, a, b));
        String scenario = "throttled-" + user;
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS + "/" + a + "/orderItems")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-RateLimit-Limit", "0.5")
                        .withBody("{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the requested resource.\"}]}")));
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS + "/" + a + "/orderItems")).inScenario(scenario)
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(items(a, "item-" + a))));
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS + "/" + b + "/orderItems"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Invalid order id\"}]}")));

        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(fetchBody())
                .post("/api/fetch-data/").then().statusCode(200)
                .body("order_items.AmazonOrderId", equalTo(List.of(a)))
                .body("failed_orders", equalTo(List.of(b)));
        AmazonMock.server().verify(2, getRequestedFor(urlPathEqualTo(ORDERS + "/" + a + "/orderItems")));
    }

    @Test
    void aTokenAmazonRejectsMidRunIsRenewedOnce() {
        UUID user = UUID.randomUUID();
        String refresh = "Atzr|fetch-" + user;
        String old = "Atza|expired-" + user;
        String renewed = "Atza|renewed-" + user;
        String scenario = "lwa-" + user;
        AmazonMock.server().stubFor(AmazonMock.lwaGrant("amzn1.application-oa2-client.fetch", "fetch-secret", refresh)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("issued")
                .willReturn(WireMock.okJson("{\"access_token\":\"" + old + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
        AmazonMock.server().stubFor(AmazonMock.lwaGrant("amzn1.application-oa2-client.fetch", "fetch-secret", refresh)
                .inScenario(scenario).whenScenarioStateIs("issued")
                .willReturn(WireMock.okJson("{\"access_token\":\"" + renewed + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
        String jwt = Tokens.forUser(user, "seller@example.com", "pro");
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("appId", "amzn1.application-oa2-client.fetch", "clientSecret", "fetch-secret",
                        "refreshToken", refresh))
                .post("/api/connect/").then().statusCode(200);
        String a = "205-" + user.toString().substring(0, 7) + "-0000001";
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(old))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\"}]}")));
        stubJson(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(renewed)), ordersPage(null, a));
        stubJson(get(urlPathEqualTo(ORDERS + "/" + a + "/orderItems")).withHeader(TOKEN_HEADER, WireMock.equalTo(renewed)),
                items(a, "item-" + a));

        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(fetchBody())
                .post("/api/fetch-data/").then().statusCode(200)
                .body("orders.AmazonOrderId", equalTo(List.of(a)));
    }

    @Test
    void aTokenAmazonKeepsRejectingIsA400() {
        UUID user = UUID.randomUUID();
        String access = "Atza|denied-" + user;
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\"}]}")));
        given().auth().oauth2(Tokens.forUser(user, "seller@example.com", "pro")).contentType(ContentType.JSON)
                .body(Map.of("access_token", access, "marketplace_id", UK, "start_date", "2026-01-01",
                        "end_date", "2026-01-02"))
                .post("/api/fetch-data/").then().statusCode(400)
                .body("error", containsString("access_token"))
                .body(org.hamcrest.Matchers.not(containsString(access)));
    }

    @Test
    void badInputIsA400InDocBsShape() {
        String jwt = Tokens.forUser(UUID.randomUUID(), "seller@example.com", "pro");
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", "NOPE", "start_date", "2026-01-01", "end_date", "2026-01-02"))
                .post("/api/fetch-data/").then().statusCode(400)
                .body("details.loc.flatten()", hasItem("marketplace_id"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-02-15"))
                .post("/api/fetch-data/").then().statusCode(400)
                .body("error", containsString("30 days"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "01/01/2026", "end_date", "2026-01-02"))
                .post("/api/fetch-data/").then().statusCode(400)
                .body("error", containsString("start_date"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-01-02",
                        "max_orders", 0))
                .post("/api/fetch-data/").then().statusCode(400);
        given().auth().oauth2(jwt).contentType(ContentType.JSON).body(fetchBody())
                .post("/api/fetch-data/").then().statusCode(400)
                .body("error", containsString("No Amazon connection"));
        // The marketplace's own day: 1 January in London starts at midnight UTC, in Paris an hour earlier.
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", "A1PA6795UKMFR9", "start_date", "2026-01-01", "end_date", "2026-01-02",
                        "access_token", "Atza|never-used"))
                .post("/api/fetch-data/");
        AmazonMock.server().verify(1, getRequestedFor(urlPathEqualTo(ORDERS))
                .withHeader(TOKEN_HEADER, WireMock.equalTo("Atza|never-used"))
                .withQueryParam("CreatedAfter", matching("2025-12-31T23:00:00Z")));
    }

    @Test
    void autoSaveKeepsBothExportLayoutsDownloadableByCacheKey() throws Throwable {
        UUID user = UUID.randomUUID();
        String access = "Atza|export-" + user;
        String jwt = connectedUser(user, access);
        String a = "206-" + user.toString().substring(0, 7) + "-0000001";
        stubJson(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access)), ordersPage(null, a));
        stubJson(get(urlPathEqualTo(ORDERS + "/" + a + "/orderItems")), items(a, "item-" + a));

        String cacheKey = given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "start_date", "2026-01-01", "end_date", "2026-01-15",
                        "auto_save", true))
                .post("/api/fetch-data/").then().statusCode(200)
                .body("processed_data.cache_key", org.hamcrest.Matchers.startsWith("processed_data_" + UK + "_"))
                .body("processed_data.total_rows", equalTo(1))
                .body("processed_data.saved", equalTo(true))
                .extract().path("processed_data.cache_key");

        given().auth().oauth2(jwt).get("/api/download-processed/").then().statusCode(200)
                .body("cache_keys", hasItem(cacheKey))
                .body("cache_info." + cacheKey + ".rows", equalTo(1));

        // mssql: PascalCase SP-API names, London time (2026-01-05T10:00:00Z is 10:00 in winter).
        String mssql = given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("cache_key", cacheKey, "data_type", "mssql"))
                .post("/api/download-processed/").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"MSSQL_data_UK_"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(mssql.startsWith("AmazonOrderId,MarketplaceId,PurchaseDate,"), mssql);
        org.junit.jupiter.api.Assertions.assertTrue(mssql.contains(a + "," + UK + ",2026-01-05 10:00:00,"), mssql);
        org.junit.jupiter.api.Assertions.assertTrue(mssql.contains("B00551Q3CS [Card Book]"), mssql);

        String azure = given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("cache_key", cacheKey, "data_type", "azure"))
                .post("/api/download-processed").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(azure.startsWith("amazon_order_id,marketplace_id,purchase_date,"), azure);
        org.junit.jupiter.api.Assertions.assertTrue(azure.contains(a + "," + UK + ",2026-01-05T10:00:00Z,"), azure);

        // The cache gone (expired): the stored export answers.
        io.quarkus.redis.datasource.RedisDataSource redis = io.quarkus.arc.Arc.container()
                .instance(io.quarkus.redis.datasource.RedisDataSource.class).get();
        redis.key().del("connector:processed:" + user + ":" + cacheKey);
        String fromDatabase = given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("cache_key", cacheKey, "data_type", "mssql"))
                .post("/api/download-processed/").then().statusCode(200).extract().asString();
        assertEquals(mssql, fromDatabase);

        given().auth().oauth2(jwt).get("/api/processed-status/").then().statusCode(200)
                .body("total_exports", equalTo(2))
                .body("latest_exports.cache_key", hasItem(cacheKey));

        // Bad input, unknown keys and other users' keys.
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("cache_key", cacheKey, "data_type", "excel"))
                .post("/api/download-processed/").then().statusCode(400)
                .body("details.loc.flatten()", hasItem("data_type"));
        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("cache_key", "processed_data_" + UK + "_1", "data_type", "mssql"))
                .post("/api/download-processed/").then().statusCode(404)
                .body("error", containsString("No processed data"));
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "other@example.com", "pro")).contentType(ContentType.JSON)
                .body(Map.of("cache_key", cacheKey, "data_type", "mssql"))
                .post("/api/download-processed/").then().statusCode(404);
    }

    @Test
    void missingItemsAreFetchedForTheOrdersNamed() throws Throwable {
        UUID user = UUID.randomUUID();
        String access = "Atza|missing-" + user;
        String jwt = connectedUser(user, access);
        String a = "207-" + user.toString().substring(0, 7) + "-0000001";
        String b = "207-" + user.toString().substring(0, 7) + "-0000002";
        stubJson(get(urlPathEqualTo(ORDERS + "/" + a + "/orderItems")).withHeader(TOKEN_HEADER, WireMock.equalTo(access)),
                items(a, "item-" + a));
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS + "/" + b + "/orderItems"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"NotFound\",\"message\":\"Order not found\"}]}")));

        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "order_ids", List.of(a, b)))
                .post("/api/fetch-missing-items/").then().statusCode(200)
                .body("items.AmazonOrderId", equalTo(List.of(a)))
                .body("items[0].OrderItemId", equalTo("item-" + a))
                .body("failed_orders", equalTo(List.of(b)))
                .body("statistics.requested_orders", equalTo(2))
                .body("statistics.items_count", equalTo(1));
        assertEquals(1, storedCount("order_items", user));

        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("marketplace_id", UK, "order_ids", List.of()))
                .post("/api/fetch-missing-items/").then().statusCode(400);
    }

    @Test
    void aBadOrderIdIsNamedByItsIndexInTheList() {
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "seller@example.com", "pro"))
                .contentType(ContentType.JSON)
                .body(Map.of("access_token", "x", "marketplace_id", UK,
                        "order_ids", List.of("202-1234567-1234567", "../../etc")))
                .post("/api/fetch-missing-items/").then().statusCode(400)
                .body("error", equalTo("Invalid or missing parameters"))
                .body("details[0].loc", equalTo(List.of("body", "order_ids", 1)))
                .body("details[0].msg", equalTo("is not an Amazon order id"));
    }

    @Test
    void amazonGivingNoAnswerIsSaidSoWithoutAMadeUpStatus() {
        UUID user = UUID.randomUUID();
        String access = "Atza|no-answer-" + user;
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String jwt = Tokens.forUser(user, "seller@example.com", "pro");
        String expected = "Amazon's getOrders failed after 6 attempts (no answer: the connection failed or timed out)";

        given().auth().oauth2(jwt).contentType(ContentType.JSON)
                .body(Map.of("access_token", access, "marketplace_id", UK, "start_date", "2026-01-01",
                        "end_date", "2026-01-02"))
                .post("/api/fetch-data/").then().statusCode(502)
                .body("error", equalTo(expected))
                .body("details.operation", equalTo("getOrders"));
        given().auth().oauth2(jwt).get("/api/activities/").then().statusCode(200)
                .body("data.activities[0].status", equalTo("failed"))
                .body("data.activities[0].error_message", equalTo(expected));
    }

    @Test
    void aClientThatStopsWaitingEndsItsActivityAsFailed() throws Exception {
        UUID user = UUID.randomUUID();
        String access = "Atza|hangs-up-" + user;
        // Amazon answers long after this client has gone.
        AmazonMock.server().stubFor(get(urlPathEqualTo(ORDERS)).withHeader(TOKEN_HEADER, WireMock.equalTo(access))
                .willReturn(aResponse().withStatus(200).withFixedDelay(15_000)
                        .withHeader("Content-Type", "application/json").withBody(ordersPage(null))));
        String jwt = Tokens.forUser(user, "seller@example.com", "pro");
        byte[] body = ("{\"access_token\":\"" + access + "\",\"marketplace_id\":\"" + UK
                + "\",\"start_date\":\"2026-01-01\",\"end_date\":\"2026-01-02\"}").getBytes(StandardCharsets.UTF_8);

        String activity;
        try (Socket client = new Socket("localhost", RestAssured.port)) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /api/fetch-data/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + jwt
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            activity = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(jwt)
                    .queryParam("status", "in_progress").get("/api/activities/").then().statusCode(200)
                    .extract().<String> path("data.activities[0].id"), java.util.Objects::nonNull);
        } // The client hangs up here, while the fetch waits for Amazon.

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(jwt)
                .get("/api/activities/" + activity + "/").then().statusCode(200)
                .body("data.status", equalTo("failed"))
                .body("data.error_message", equalTo(ActivityService.CLIENT_GONE))
                .body("data.is_running", equalTo(false)));
    }

    @Test
    void aNulCharacterInAJsonStringIsInvalidInputAtItsField() {
        given().auth().oauth2(Tokens.forUser(UUID.randomUUID(), "seller@example.com", "pro"))
                .contentType(ContentType.JSON)
                .body("{\"cache_key\":\"processed_data_A1F83G8C2ARO7P_1\\u0000\",\"data_type\":\"mssql\"}")
                .post("/api/download-processed/").then().statusCode(400)
                .body("error", equalTo("Invalid or missing parameters"))
                .body("details[0].loc", equalTo(List.of("body", "cache_key")));
    }
}
