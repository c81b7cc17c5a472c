package io.shelfwatch.etl.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.shelfwatch.etl.support.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Tracked product pages, end to end over the real broker and database: a `products` record makes
 * the extractor fetch the page at once; what it reads goes out on product.raw-events and comes
 * back from the pipeline as price.updates; product_sync fetches again; implausible prices wait.
 */
@QuarkusTest
@QuarkusTestResource(WebMockResource.class)
class ProductExtractionTest {

    private final WireMockServer web = WebMock.server();

    private void serve(String host, String path, String html) {
        web.stubFor(get(urlEqualTo(path)).withHeader("Host", equalTo(host + ":" + web.port()))
                .willReturn(ok(html).withHeader("Content-Type", "text/html; charset=utf-8")));
    }

    private static List<JsonPath> priceUpdates(KafkaCompanion kafka, String key, String until) {
        List<ConsumerRecord<String, String>> records = Kafka.awaitRecordsOfKey(kafka, Kafka.topic("price.updates"), key,
                r -> key.equals(r.key()) && r.value() != null && r.value().contains(until));
        records.forEach(r -> Contracts.assertConforms("price.updates", "price_update", r.value()));
        return records.stream().map(r -> JsonPath.from(r.value())).toList();
    }

    private static void track(KafkaCompanion kafka, String key, String url, String asin) {
        UUID productId = UUID.randomUUID();
        Targets.send(kafka, "products", productId,
                Targets.productState(productId, key, url, asin, null, List.of(UUID.randomUUID()), false));
    }

    @Test
    void aTrackedPageIsFetchedAtOnceAndAPriceChangeBecomesOneMorePriceUpdate() {
        String path = "/p/trail-tent-" + UUID.randomUUID();
        String url = WebMock.url("pages.test", path);
        String key = "url:" + url;
        serve("pages.test", path, Pages.jsonLd("Trail Tent 2P", "249.00", "USD", "InStock"));

        try (KafkaCompanion kafka = Kafka.companion()) {
            track(kafka, key, url, null);
            List<JsonPath> first = priceUpdates(kafka, key, "249");
            assertEquals(1, first.size());
            assertEquals("Trail Tent 2P", first.get(0).getString("data.snapshot.title"));
            assertEquals("in_stock", first.get(0).getString("data.snapshot.availability"));
            assertEquals(4.6f, first.get(0).getFloat("data.snapshot.rating"));
            assertEquals(1284, first.get(0).getInt("data.snapshot.reviews_count"));

            ConsumerRecord<String, String> raw = Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events"),
                    r -> key.equals(r.key()));
            Contracts.assertConforms("product.raw-events", "raw_product_event", raw.value());
            JsonPath event = JsonPath.from(raw.value());
            assertEquals("scraper", event.getString("data.source"));
            assertEquals(url, event.getString("data.url"));
            assertEquals("json-ld", event.getString("data.raw_data.field_sources.price"));
            assertEquals("json-ld", event.getString("data.raw_data.field_sources.title"));
            assertNotNull(event.getString("data.job_id"), "the observation names the job that fetched it");

            serve("pages.test", path, Pages.jsonLd("Trail Tent 2P", "229.00", "USD", "InStock"));
            JsonPath job = Targets.productSync();
            assertEquals("product_sync", job.getString("job_name"));
            assertEquals("completed", job.getString("status"));
            assertTrue(job.getInt("records_processed") >= 1);

            List<JsonPath> updates = priceUpdates(kafka, key, "229");
            assertEquals(2, updates.size(), "one more price update for the one change");
            assertEquals(229.0f, updates.get(1).getFloat("data.snapshot.price"));
            assertEquals(249.0f, updates.get(1).getFloat("data.previous.price"));
        }
        web.verify(getRequestedFor(urlEqualTo(path)).withHeader("User-Agent", equalTo(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")));
    }

    @Test
    void anAsinProductIsReadFromItsAmazonPage() {
        String asin = "B0" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String key = "asin:" + asin;
        serve("amazon.test", "/dp/" + asin, Pages.amazon(asin, "Noise Cancelling Earbuds", "79.99"));
        try (KafkaCompanion kafka = Kafka.companion()) {
            track(kafka, key, null, asin);
            JsonPath update = priceUpdates(kafka, key, "79.99").get(0);
            assertEquals(asin, update.getString("data.asin"));
            assertEquals("Noise Cancelling Earbuds", update.getString("data.snapshot.title"));
            assertEquals(1234, update.getInt("data.snapshot.bsr"));
            assertEquals(12345, update.getInt("data.snapshot.reviews_count"));
            assertEquals(4.4f, update.getFloat("data.snapshot.rating"));
            assertEquals("USD", update.getString("data.snapshot.currency"));

            JsonPath raw = JsonPath.from(Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events"),
                    r -> key.equals(r.key())).value());
            assertEquals("amazon", raw.getString("data.raw_data.field_sources.bsr"));
        }
    }

    @Test
    void anImplausiblePriceIsHeldBackUntilTheNextFetchConfirmsIt() {
        String path = "/p/mug-" + UUID.randomUUID();
        String url = WebMock.url("pages.test", path);
        String key = "url:" + url;
        serve("pages.test", path, Pages.openGraphOnly("Stoneware Mug", "20.00"));
        try (KafkaCompanion kafka = Kafka.companion()) {
            track(kafka, key, url, null);
            priceUpdates(kafka, key, "20.0");

            serve("pages.test", path, Pages.openGraphOnly("Stoneware Mug", "0.00"));
            JsonPath zero = Targets.productSync();
            assertEquals("completed", zero.getString("status"));
            // Any signed-in user reads job records: they count problems in words and name no one's URL.
            String message = zero.getString("error_message");
            assertTrue(message.matches("\\d+ problem\\(s\\): .*\\d+ held back an implausible price.*"), message);
            assertFalse(message.contains("http"), message);
            assertEquals("quarantined", outcomeOf(zero.getString("job_id"), key));

            serve("pages.test", path, Pages.openGraphOnly("Stoneware Mug", "2500.00"));
            JsonPath jump = Targets.productSync();
            assertFalse(jump.getString("error_message").contains(url), jump.getString("error_message"));
            assertTrue(detailOf(jump.getString("job_id"), key).contains("price 2500.00 is more than 100x away from the last price 20"));

            JsonPath confirmed = Targets.productSync();
            assertEquals("fetched", outcomeOf(confirmed.getString("job_id"), key));
            List<JsonPath> updates = priceUpdates(kafka, key, "2500");
            assertEquals(2, updates.size(), "neither the 0 nor the first 2500 went out");
            assertEquals(20.0f, updates.get(1).getFloat("data.previous.price"));
        }
    }

    @Test
    void aPriceNoConsumerCouldStoreIsLeftOutOfTheObservation() {
        String path = "/p/misread-" + UUID.randomUUID();
        String url = WebMock.url("pages.test", path);
        String key = "url:" + url;
        // product-service and competition-service keep prices as NUMERIC(14,2)
        serve("pages.test", path, Pages.jsonLd("Misread Lamp", "12345678901234.00", "USD", "InStock"));
        try (KafkaCompanion kafka = Kafka.companion()) {
            track(kafka, key, url, null);
            JsonPath update = priceUpdates(kafka, key, "Misread Lamp").get(0);
            assertEquals("Misread Lamp", update.getString("data.snapshot.title"));
            assertNull(update.get("data.snapshot.price"));
            JsonPath raw = JsonPath.from(Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events"),
                    r -> key.equals(r.key())).value());
            assertNull(raw.get("data.raw_data.price"));
        }
    }

    /** What the job's fetch log says about a target, as an admin reads it. */
    private static String detailOf(String jobId, String key) {
        return String.join("; ", given().auth().oauth2(Tokens.forAdmin()).get("/v1/etl/extract/jobs/" + jobId)
                .then().statusCode(200).extract().jsonPath().<String>getList("fetches.findAll { it.target == '" + key + "' }.detail"));
    }

    /** The job's per-target record, as an admin reads it. */
    private static String outcomeOf(String jobId, String key) {
        List<String> outcomes = given().auth().oauth2(Tokens.forAdmin()).get("/v1/etl/extract/jobs/" + jobId)
                .then().statusCode(200).extract().jsonPath().getList("fetches.findAll { it.target == '" + key + "' }.outcome");
        return outcomes.contains("quarantined") ? "quarantined" : outcomes.isEmpty() ? null : outcomes.get(0);
    }
}
