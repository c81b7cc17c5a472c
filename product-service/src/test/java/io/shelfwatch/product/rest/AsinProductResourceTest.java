package io.shelfwatch.product.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.product.mapping.ProductViews.AsinProduct;
import io.shelfwatch.product.repository.ProductRepository;
import io.shelfwatch.product.service.ProductCache;
import io.shelfwatch.product.support.Kafka;
import io.shelfwatch.product.support.PriceUpdates;
import io.shelfwatch.product.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/** Doc A's product endpoints over the real Redis, PostgreSQL and Kafka. */
@QuarkusTest
class AsinProductResourceTest {

    static final String TOKEN = Tokens.forUser(UUID.randomUUID(), "market@example.com", "free");

    @Inject
    ProductCache cache;

    @Inject
    MeterRegistry meters;

    @Inject
    ProductRepository products;

    @TestHTTPResource("/v1/products/")
    URL productsUrl;

    /**
     * Puts the product on price.updates twice and waits until reads show the second: the
     * consumer is then done with it, so no cache write of its own is still on the way.
     */
    static void catalogued(String asin, String title, String price) {
        Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        try (KafkaCompanion kafka = Kafka.companion()) {
            for (Instant observedAt : List.of(second.minusSeconds(60), second)) {
                PriceUpdates.send(kafka, "asin:" + asin, PriceUpdates.forAsin(UUID.randomUUID(), asin, title,
                        new BigDecimal(price), observedAt));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> second.toString().equals(given().auth().oauth2(TOKEN)
                .get("/v1/products/" + asin).jsonPath().getString("data.last_updated")));
    }

    /** The product catalogued and not in the cache: the next read is a miss. */
    JsonPath cataloguedAndEvicted(String asin, String title, String price) throws Throwable {
        catalogued(asin, title, price);
        VertxContextSupport.subscribeAndAwait(() -> cache.evict(asin));
        return given().auth().oauth2(TOKEN).get("/v1/products/" + asin).then().statusCode(200).extract().jsonPath();
    }

    private double refreshes() {
        return meters.counter("product_cache_background_refreshes_total").count();
    }

    @Test
    void aMissReadsTheDatabaseAndTheNextReadIsAFreshHit() throws Throwable {
        String asin = PriceUpdates.randomAsin();
        JsonPath miss = cataloguedAndEvicted(asin, "Earbuds", "49.99");
        assertEquals(false, miss.getBoolean("cached"));
        assertEquals("Earbuds", miss.getString("data.title"));
        assertEquals(49.99f, miss.getFloat("data.latest_price"));
        Instant staleAt = Instant.parse(miss.getString("stale_at"));
        assertTrue(staleAt.isAfter(Instant.now()), "a just-cached entry is fresh");

        // Lower-case with spaces around it: trimmed and upper-cased first.
        given().auth().oauth2(TOKEN).get("/v1/products/ " + asin.toLowerCase() + " ").then().statusCode(200)
                .body("cached", equalTo(true))
                .body("stale_at", equalTo(miss.getString("stale_at")))
                .body("data.asin", equalTo(asin))
                .body("data.latest_bsr", equalTo(12))
                .body("data.last_updated", notNullValue());
    }

    @Test
    void aPriceUpdateMakesTheNextReadFreshWithTheNewValues() {
        String asin = PriceUpdates.randomAsin();
        catalogued(asin, "Mug", "10.00");
        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, "asin:" + asin, PriceUpdates.forAsin(UUID.randomUUID(), asin, "Mug", 
                    new BigDecimal("8.50"), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TOKEN).get("/v1/products/" + asin)
                .jsonPath().getFloat("data.latest_price") == 8.5f);
        given().auth().oauth2(TOKEN).get("/v1/products/" + asin).then().statusCode(200).body("cached", equalTo(true));
    }

    @Test
    void aStaleHitAnswersAtOnceAndOneBackgroundRefreshServesEveryConcurrentRequest() throws Throwable {
        String asin = PriceUpdates.randomAsin();
        catalogued(asin, "Current title", "20.00");
        AsinProduct old = new AsinProduct(asin, "Old title", null, null, null, new BigDecimal("25.00"), null, null,
                null, null, null);
        Instant staleAt = Instant.parse("2026-01-01T00:00:00Z");
        VertxContextSupport.subscribeAndAwait(() -> cache.putEntry(old, staleAt));
        double before = refreshes();

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(productsUrl + asin))
                .header("Authorization", "Bearer " + TOKEN).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())));
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertEquals(200, response.statusCode());
            JsonPath body = new JsonPath(response.body());
            // Every one of them got an answer at once: the cached data, stale or (late in the burst) refreshed.
            assertTrue(body.getBoolean("cached"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "Current title".equals(
                given().auth().oauth2(TOKEN).get("/v1/products/" + asin).jsonPath().getString("data.title")));
        assertEquals(before + 1, refreshes(), "one background refresh for the key, however many requests saw it stale");
        JsonPath fresh = given().auth().oauth2(TOKEN).get("/v1/products/" + asin).jsonPath();
        assertTrue(fresh.getBoolean("cached"));
        assertTrue(Instant.parse(fresh.getString("stale_at")).isAfter(Instant.now()));
    }

    @Test
    void anUnknownAsinIs404AndAMalformedOneIs422() {
        given().auth().oauth2(TOKEN).get("/v1/products/" + PriceUpdates.randomAsin()).then().statusCode(404)
                .body("detail", equalTo("Product not found"));
        given().auth().oauth2(TOKEN).get("/v1/products/B0-TOO-SHORT").then().statusCode(422)
                .body("detail[0].loc", contains("path", "asin"));
        given().get("/v1/products/" + PriceUpdates.randomAsin()).then().statusCode(401);
    }

    @Test
    void aBatchAnswersEveryAsinWithCountsFromOneLookup() {
        String cachedAsin = PriceUpdates.randomAsin();
        catalogued(cachedAsin, "Cached one", "5.00");
        String unknown = PriceUpdates.randomAsin();

        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("asins", List.of(cachedAsin.toLowerCase(), unknown)))
                .post("/v1/products/batch").then().statusCode(200)
                .body("total_requested", equalTo(2))
                .body("total_success", equalTo(1))
                .body("total_failed", equalTo(1))
                .body("processed_at", notNullValue())
                .body("items[0].asin", equalTo(cachedAsin))
                .body("items[0].success", equalTo(true))
                .body("items[0].cached", equalTo(true))
                .body("items[0].data.title", equalTo("Cached one"))
                .body("items[0].error", nullValue())
                .body("items[1].asin", equalTo(unknown))
                .body("items[1].success", equalTo(false))
                .body("items[1].error", equalTo("Product not found"))
                .body("items[1].data", nullValue());
    }

    @Test
    void aBatchServesAStaleHitAtOnceRefreshesItInTheBackgroundAndLoadsAMissFromTheDatabase() throws Throwable {
        String staleAsin = PriceUpdates.randomAsin();
        catalogued(staleAsin, "Current lamp", "30.00");
        AsinProduct old = new AsinProduct(staleAsin, "Old lamp,\"stale_at\":\"x", null, null, null,
                new BigDecimal("35.00"), null, null, null, null, null);
        Instant staleAt = Instant.parse("2026-01-01T00:00:00Z");
        VertxContextSupport.subscribeAndAwait(() -> cache.putEntry(old, staleAt));
        String missAsin = PriceUpdates.randomAsin();
        cataloguedAndEvicted(missAsin, "Desk", "99.00");
        VertxContextSupport.subscribeAndAwait(() -> cache.evict(missAsin));
        double before = refreshes();

        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("asins", List.of(staleAsin, missAsin, staleAsin)))
                .post("/v1/products/batch").then().statusCode(200)
                .body("total_requested", equalTo(3))
                .body("total_success", equalTo(3))
                .body("items[0].cached", equalTo(true))
                .body("items[0].stale_at", equalTo("2026-01-01T00:00:00.000Z"))
                // The cached product as it was stored, quotes in its title and all.
                .body("items[0].data.title", equalTo("Old lamp,\"stale_at\":\"x"))
                .body("items[0].data.latest_price", equalTo(35.0f))
                .body("items[1].cached", equalTo(false))
                .body("items[1].data.title", equalTo("Desk"))
                .body("items[1].data.asin", equalTo(missAsin))
                .body("items[2].data.title", equalTo("Old lamp,\"stale_at\":\"x"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "Current lamp".equals(given().auth().oauth2(TOKEN)
                .contentType(ContentType.JSON).body(Map.of("asins", List.of(staleAsin)))
                .post("/v1/products/batch").jsonPath().getString("items[0].data.title")));
        assertEquals(before + 1, refreshes(), "one background refresh for the stale key");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("asins", List.of(missAsin)))
                .post("/v1/products/batch").then().statusCode(200).body("items[0].cached", equalTo(true));
    }

    @Test
    void aBatchOfNoneTooManyOrAnInvalidAsinIs422() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("asins", List.of()))
                .post("/v1/products/batch").then().statusCode(422).body("detail[0].loc", contains("body", "asins"));
        List<String> tooMany = IntStream.range(0, 51).mapToObj(i -> PriceUpdates.randomAsin()).toList();
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("asins", tooMany))
                .post("/v1/products/batch").then().statusCode(422);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("asins", List.of(PriceUpdates.randomAsin(), "not-an-asin")))
                .post("/v1/products/batch").then().statusCode(422)
                .body("detail[0].loc", contains("body", "asins", 1));
        // A wrong JSON type (an object where the list goes) is the same 422, not a bare 400.
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"asins\":{\"first\":\"B000000001\"}}")
                .post("/v1/products/batch").then().statusCode(422)
                .body("detail[0].loc", contains("body", "asins"));
    }

    @Test
    void theCatalogListIsPaginated() {
        String asin = PriceUpdates.randomAsin();
        catalogued(asin, "Listed", "1.00");
        for (String path : List.of("/v1/products/", "/v1/products")) {
            given().auth().oauth2(TOKEN).queryParam("per_page", 100).get(path).then().statusCode(200)
                    .body("page", equalTo(1)).body("per_page", equalTo(100))
                    .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                    .body("items.asin", hasItem(asin));
        }
        given().auth().oauth2(TOKEN).queryParam("per_page", 101).get("/v1/products/").then().statusCode(422)
                .body("detail[0].loc", contains("query", "per_page"));
    }

    @Test
    void theListHoldsTheDefaultMarketplacesProductsOnlyAsTheLookupsDo() {
        String everywhere = PriceUpdates.randomAsin();
        String ukOnly = PriceUpdates.randomAsin();
        String uk = "A1F83G8C2ARO7P";
        try (KafkaCompanion kafka = Kafka.companion()) {
            for (String asin : List.of(everywhere, ukOnly)) {
                PriceUpdates.send(kafka, "asin:" + uk + ":" + asin, PriceUpdates.forMarketplace(UUID.randomUUID(), uk,
                        asin, "UK " + asin, new BigDecimal("3.50"), Instant.now()));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inCatalog("asin:" + uk + ":" + everywhere)
                && inCatalog("asin:" + uk + ":" + ukOnly));
        catalogued(everywhere, "US " + everywhere, "4.99");

        JsonPath list = given().auth().oauth2(TOKEN).queryParam("per_page", 100).get("/v1/products/").then()
                .statusCode(200).extract().jsonPath();
        List<String> listed = list.getList("items.asin");
        assertEquals(1, listed.stream().filter(everywhere::equals).count(), "one row for the ASIN: " + listed);
        assertEquals("US " + everywhere, list.getString("items.find { it.asin == '" + everywhere + "' }.title"));
        assertTrue(!listed.contains(ukOnly), "another marketplace's product is not listed: " + listed);
        // Everything listed opens.
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("asins", listed.subList(0,
                Math.min(50, listed.size())))).post("/v1/products/batch").then().statusCode(200)
                .body("total_failed", equalTo(0));
        given().auth().oauth2(TOKEN).get("/v1/products/" + ukOnly).then().statusCode(404);
    }

    @Test
    void aPageFarPastTheEndIsEmptyAndANonIntegerPageIs422() {
        catalogued(PriceUpdates.randomAsin(), "Paged", "2.00");
        int total = given().auth().oauth2(TOKEN).get("/v1/products/").jsonPath().getInt("total");
        given().auth().oauth2(TOKEN).queryParam("page", Integer.MAX_VALUE).get("/v1/products/").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(total))
                .body("page", equalTo(Integer.MAX_VALUE));
        for (Map.Entry<String, String> bad : Map.of("per_page", "abc", "page", "1.5").entrySet()) {
            given().auth().oauth2(TOKEN).queryParam(bad.getKey(), bad.getValue()).get("/v1/products/").then()
                    .statusCode(422).body("detail[0].loc", contains("query", bad.getKey()))
                    .body("detail[0].type", equalTo("type_error.integer"));
        }
    }

    private boolean inCatalog(String productKey) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> products.findByKey(productKey)) != null;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
