package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.product.messaging.AccountEventsConsumerTest;
import io.shelfwatch.product.support.Contracts;
import io.shelfwatch.product.support.Kafka;
import io.shelfwatch.product.support.PriceUpdates;
import io.shelfwatch.product.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Docs C and E tracked products over the real database and broker. */
@QuarkusTest
class TrackedProductResourceTest {

    static String token(UUID user) {
        return Tokens.forUser(user, user + "@example.com", "free");
    }

    static JsonPath track(UUID user, String url) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/v1/products/track").then().statusCode(202).extract().jsonPath();
    }

    static ConsumerRecord<String, String> awaitOn(String topic, String key, String containing) {
        try (KafkaCompanion kafka = Kafka.companion()) {
            return Kafka.awaitRecord(kafka, Kafka.topic(topic),
                    r -> key.equals(r.key()) && r.value() != null && r.value().contains(containing));
        }
    }

    @Test
    void theSameUrlIsTheSameProductAndItsTrackersAndTheCountArePublished() {
        UUID user = UUID.randomUUID();
        String page = "https://Shop.Example.com/p/" + UUID.randomUUID();
        JsonPath first = track(user, page + "?utm_source=mail&color=red#reviews");
        JsonPath again = track(user, page.replace("Shop.Example", "shop.example") + "?color=red&gclid=abc");
        assertEquals(first.getString("id"), again.getString("id"));
        String expectedUrl = page.replace("Shop.Example", "shop.example") + "?color=red";
        assertEquals(expectedUrl, first.getString("url"));
        assertEquals("url:" + expectedUrl, first.getString("product_key"));
        assertEquals("Tracking new product from shop.example.com...", first.getString("title"));

        String productId = first.getString("id");
        ConsumerRecord<String, String> state = awaitOn("products", productId, user.toString());
        Contracts.assertConforms("products", "product_state", state.value());
        assertEquals(List.of(user.toString()), new JsonPath(state.value()).getList("data.trackers"));
        ConsumerRecord<String, String> usage = awaitOn("usage", user.toString(), "products_tracked");
        Contracts.assertConforms("usage", "usage_count", usage.value());
        assertEquals(1, new JsonPath(usage.value()).getInt("data.count"), "tracking a URL twice counts once");
        assertEquals(50, new JsonPath(usage.value()).getInt("data.limit"));

        given().auth().oauth2(token(user)).get("/api/v1/products/" + productId).then().statusCode(200)
                .body("id", equalTo(productId));
        // Someone else does not see it, and cannot end it.
        UUID other = UUID.randomUUID();
        given().auth().oauth2(token(other)).get("/api/v1/products/" + productId).then().statusCode(404)
                .body("detail", equalTo("Product not found"));
        given().auth().oauth2(token(other)).delete("/api/v1/products/" + productId).then().statusCode(404);

        given().auth().oauth2(token(user)).delete("/api/v1/products/" + productId).then().statusCode(204);
        given().auth().oauth2(token(user)).get("/api/v1/products/" + productId).then().statusCode(404);
        given().auth().oauth2(token(user)).get("/api/v1/products/").then().statusCode(200).body("items", empty());
        ConsumerRecord<String, String> untracked = awaitOn("products", productId, "\"trackers\":[]");
        Contracts.assertConforms("products", "product_state", untracked.value());
    }

    @Test
    void anAmazonUrlIsItsAsinProduct() {
        UUID user = UUID.randomUUID();
        String asin = PriceUpdates.randomAsin();
        JsonPath us = track(user, "https://www.amazon.com/Sony-Headphones/dp/" + asin + "/ref=sr_1_1?th=1");
        assertEquals("asin:" + asin, us.getString("product_key"));
        assertEquals(asin, us.getString("asin"));
        JsonPath india = track(user, "https://www.amazon.in/dp/" + asin);
        assertEquals("asin:A21TJRUUN4KGV:" + asin, india.getString("product_key"));
    }

    @Test
    void aUrlRefusedByItsFormIs422() {
        UUID user = UUID.randomUUID();
        for (String url : List.of("not a url", "ftp://example.com/file", "https:///no-host")) {
            given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(Map.of("url", url))
                    .post("/api/v1/products/track").then().statusCode(422)
                    .body("detail[0].loc", contains("body", "url"));
        }
    }

    @Test
    void trackingBeyondThePlansMaxProductsIs403() {
        UUID user = UUID.randomUUID();
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), user.toString(),
                    AccountEventsConsumerTest.accountState(user, "limited@example.com", "free", 1, false,
                            Instant.now()))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token(user))
                .get("/api/v1/users/me").jsonPath().getString("email").equals("limited@example.com"));
        track(user, "https://shop.example.com/one/" + UUID.randomUUID());
        given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://shop.example.com/two/" + UUID.randomUUID()))
                .post("/api/v1/products/track").then().statusCode(403)
                .body("detail", equalTo("Plan limit reached: max_products=1"));
    }

    @Test
    void theListIsAnEnvelopeWithHistoryAndTheDetailHasEveryPoint() {
        UUID user = UUID.randomUUID();
        String url = "https://shop.example.com/p/" + UUID.randomUUID();
        String productId = track(user, url).getString("id");
        track(user, "https://shop.example.com/q/" + UUID.randomUUID());
        Instant day = Instant.parse("2026-02-10T10:00:00Z");
        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, "url:" + url, PriceUpdates.forUrl(UUID.randomUUID(), "url:" + url, url,
                    new BigDecimal("59.99"), day));
            PriceUpdates.send(kafka, "url:" + url, PriceUpdates.forUrl(UUID.randomUUID(), "url:" + url, url,
                    new BigDecimal("49.99"), day.plusSeconds(86400)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token(user))
                .get("/api/v1/products/" + productId).jsonPath().getList("price_history").size() == 2);
        given().auth().oauth2(token(user)).get("/api/v1/products/" + productId).then().statusCode(200)
                .body("price", equalTo(49.99f))
                .body("price_cents", equalTo(4999))
                .body("status", equalTo("active"))
                .body("price_history[0].product_id", equalTo(productId))
                .body("price_history[0].price_cents", equalTo(5999))
                .body("price_history[0].currency", equalTo("USD"))
                .body("price_history[0].availability", equalTo("In Stock"))
                .body("price_history[0].scraped_at", equalTo("2026-02-10T10:00:00Z"))
                .body("price_history[0].date", equalTo("2026-02-10T10:00:00Z"))
                .body("price_history[0].price", equalTo(59.99f))
                .body("price_history[1].price", equalTo(49.99f));

        given().auth().oauth2(token(user)).queryParam("per_page", 1).get("/api/v1/products/").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(1)).body("per_page", equalTo(1))
                .body("items", hasSize(1));
        given().auth().oauth2(token(user)).queryParam("skip", 1).queryParam("limit", 1).get("/api/v1/products")
                .then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(2));
        given().auth().oauth2(token(user)).queryParam("sort_by", "price").get("/api/v1/products/").then()
                .statusCode(200).body("items[0].id", equalTo(productId));
        given().auth().oauth2(token(user)).queryParam("status", "removed").get("/api/v1/products/").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(token(user)).queryParam("sort_by", "nonsense").get("/api/v1/products/").then()
                .statusCode(422).body("detail[0].loc", contains("query", "sort_by"));
    }

    @Test
    void aPageFarPastTheEndIsEmptyWithTheRealTotal() {
        UUID user = UUID.randomUUID();
        track(user, "https://shop.example.com/far/" + UUID.randomUUID());
        // The offset (page - 1) * per_page no longer fits an int from these on.
        for (Map<String, Integer> query : List.of(Map.of("page", Integer.MAX_VALUE),
                Map.of("page", 107374184, "per_page", 20), Map.of("page", 200000000))) {
            given().auth().oauth2(token(user)).queryParams(query).get("/api/v1/products/").then().statusCode(200)
                    .body("items", empty()).body("total", equalTo(1)).body("page", equalTo(query.get("page")));
        }
    }

    @Test
    void aPagingParameterThatIsNotAnIntegerIs422AtThatParameter() {
        UUID user = UUID.randomUUID();
        Map<String, String> cases = Map.of("limit", "abc", "skip", "abc", "page", "abc", "per_page", "x");
        cases.forEach((name, value) -> given().auth().oauth2(token(user)).queryParam(name, value)
                .get("/api/v1/products/").then().statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].loc", contains("query", name))
                .body("detail[0].msg", equalTo("value is not a valid integer"))
                .body("detail[0].type", equalTo("type_error.integer")));
        // Not integers either: a fraction, and a number beyond an int.
        given().auth().oauth2(token(user)).queryParam("limit", "1.5").get("/api/v1/products").then().statusCode(422)
                .body("detail[0].loc", contains("query", "limit"));
        given().auth().oauth2(token(user)).queryParam("page", "2147483648").get("/api/v1/products").then()
                .statusCode(422).body("detail[0].loc", contains("query", "page"));
        // A path that does not exist is still a 404.
        given().auth().oauth2(token(user)).queryParam("page", "abc").get("/api/v1/no-such-list").then()
                .statusCode(404).body("detail", equalTo("Not Found"));
        // Nor does RESTEasy's own text leak for a path under the resource that no method serves.
        given().auth().oauth2(token(user)).get("/api/v1/products/" + UUID.randomUUID() + "/no-such-part").then()
                .statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void aMalformedIdIs400AndAnUnseenOneIs404() {
        UUID user = UUID.randomUUID();
        given().auth().oauth2(token(user)).get("/api/v1/products/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(token(user)).delete("/api/v1/products/123").then().statusCode(400);
        given().auth().oauth2(token(user)).get("/api/v1/products/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/products/").then().statusCode(401);
    }

    @Test
    void aDeletedUsersTrackingGoesAndTheProductIsRepublishedWithoutThem() {
        UUID user = UUID.randomUUID();
        String productId = track(user, "https://shop.example.com/gone/" + UUID.randomUUID()).getString("id");
        awaitOn("products", productId, user.toString());
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("account.events"), user.toString(),
                    AccountEventsConsumerTest.accountState(user, "gone@example.com", "free", 50, true,
                            Instant.now()))).awaitCompletion();
        }
        ConsumerRecord<String, String> untracked = awaitOn("products", productId, "\"trackers\":[]");
        Contracts.assertConforms("products", "product_state", untracked.value());
        given().auth().oauth2(token(user)).get("/api/v1/products/").then().statusCode(200).body("items", empty());
    }
}
