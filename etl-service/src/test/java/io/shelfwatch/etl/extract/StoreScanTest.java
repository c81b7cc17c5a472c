package io.shelfwatch.etl.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.shelfwatch.etl.extract.Pages.ShopifyProduct;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Competitor stores, end to end: a `competitors` record makes the extractor scan the store at once;
 * each product goes out as a raw event; a later scan (product_sync) tells new, removed and back
 * apart and every scan ends with a `scans` record. The test profile asks Shopify for 3 products per page.
 */
@QuarkusTest
@QuarkusTestResource(WebMockResource.class)
class StoreScanTest {

    private final WireMockServer web = WebMock.server();

    private void catalog(String host, List<ShopifyProduct> page1, List<ShopifyProduct> page2) {
        String hostHeader = host + ":" + web.port();
        web.stubFor(get(urlPathEqualTo("/products.json")).withQueryParam("page", equalTo("1"))
                .withQueryParam("limit", equalTo("3")).withHeader("Host", equalTo(hostHeader))
                .willReturn(okJson(Pages.productsJson(page1))));
        web.stubFor(get(urlPathEqualTo("/products.json")).withQueryParam("page", equalTo("2"))
                .withQueryParam("limit", equalTo("3")).withHeader("Host", equalTo(hostHeader))
                .willReturn(okJson(Pages.productsJson(page2))));
    }

    private static JsonPath scan(KafkaCompanion kafka, UUID competitorId, String marker) {
        ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("scans"),
                r -> competitorId.toString().equals(r.key()) && r.value().contains(marker));
        Contracts.assertConforms("scans", "scan_finished", record.value());
        return JsonPath.from(record.value());
    }

    private static JsonPath rawEvent(KafkaCompanion kafka, String key, String marker) {
        ConsumerRecord<String, String> record = Kafka.awaitRecord(kafka, Kafka.topic("product.raw-events"),
                r -> key.equals(r.key()) && r.value().contains(marker));
        Contracts.assertConforms("product.raw-events", "raw_product_event", record.value());
        return JsonPath.from(record.value());
    }

    @Test
    void aShopifyStoreIsScannedAtOnceAndTheNextScansFindNewRemovedBackAndPriceChanges() {
        UUID competitorId = UUID.randomUUID();
        String host = competitorId.toString().substring(0, 8) + ".shop.test";
        ShopifyProduct jacket = Pages.shopify(101, "rain-jacket", "Rain Jacket",
                new String[] { "89.00", "false" }, new String[] { "95.00", "true" });
        ShopifyProduct socks = Pages.shopify(102, "wool-socks", "Wool Socks", new String[] { "14.00", "true" });
        ShopifyProduct beanie = Pages.shopify(103, "beanie", "Beanie", new String[] { "22.00", "false" });
        ShopifyProduct scarf = Pages.shopify(104, "scarf", "Scarf", new String[] { "30.00", "true" });
        ShopifyProduct gloves = Pages.shopify(105, "gloves", "Gloves", new String[] { "25.00", "true" });
        catalog(host, List.of(jacket, socks, beanie), List.of(scarf));

        String prefix = "store:" + competitorId + ":";
        try (KafkaCompanion kafka = Kafka.companion()) {
            Targets.send(kafka, "competitors", competitorId, Targets.competitorState(competitorId, UUID.randomUUID(),
                    WebMock.url(host, "/collections/all"), "shopify", "active", false));

            JsonPath first = scan(kafka, competitorId, "\"found\":4");
            assertEquals(4, first.getInt("data.new"));
            assertEquals(0, first.getInt("data.removed"));
            assertNull(first.get("data.error"));

            JsonPath jacketSeen = rawEvent(kafka, prefix + "rain-jacket", "product_snapshot");
            assertEquals("store_scan", jacketSeen.getString("data.source"));
            assertEquals(competitorId.toString(), jacketSeen.getString("data.competitor_id"));
            assertEquals(WebMock.url(host, "/products/rain-jacket"), jacketSeen.getString("data.url"));
            assertEquals(95.0f, jacketSeen.getFloat("data.raw_data.price"), "the first available variant's price");
            assertEquals("in_stock", jacketSeen.getString("data.raw_data.availability"));
            assertEquals("Northwind", jacketSeen.getString("data.raw_data.brand"));
            assertEquals("shopify", jacketSeen.getString("data.raw_data.field_sources.price"));
            assertEquals("out_of_stock", rawEvent(kafka, prefix + "beanie", "product_snapshot")
                    .getString("data.raw_data.availability"), "no variant available: the first one, out of stock");

            // Socks are gone, gloves are new, the jacket's price moved.
            ShopifyProduct jacketCheaper = Pages.shopify(101, "rain-jacket", "Rain Jacket",
                    new String[] { "89.00", "false" }, new String[] { "79.00", "true" });
            catalog(host, List.of(jacketCheaper, beanie, scarf), List.of(gloves));
            Targets.productSync();
            JsonPath second = scan(kafka, competitorId, "\"removed\":1");
            assertEquals(4, second.getInt("data.found"));
            assertEquals(1, second.getInt("data.new"));
            assertEquals(0, second.getInt("data.back"));

            rawEvent(kafka, prefix + "wool-socks", "product_removed");
            ConsumerRecord<String, String> removed = Kafka.awaitRecord(kafka, Kafka.topic("price.updates"),
                    r -> (prefix + "wool-socks").equals(r.key()) && r.value().contains("\"removed\""));
            Contracts.assertConforms("price.updates", "price_update", removed.value());
            ConsumerRecord<String, String> cheaper = Kafka.awaitRecord(kafka, Kafka.topic("price.updates"),
                    r -> (prefix + "rain-jacket").equals(r.key()) && r.value().contains("79.0"));
            assertEquals(95.0f, JsonPath.from(cheaper.value()).getFloat("data.previous.price"));

            // The socks come back.
            catalog(host, List.of(jacketCheaper, socks, beanie), List.of(scarf, gloves));
            Targets.productSync();
            JsonPath third = scan(kafka, competitorId, "\"back\":1");
            assertEquals(5, third.getInt("data.found"));
            assertEquals(0, third.getInt("data.new"));
            assertEquals(0, third.getInt("data.removed"));
        }
    }

    @Test
    void aStoreThatCannotBeReadReportsTheErrorAndRemovesNothing() {
        UUID competitorId = UUID.randomUUID();
        String host = competitorId.toString().substring(0, 8) + ".shop.test";
        try (KafkaCompanion kafka = Kafka.companion()) {
            // products.json answers 404 for this host: nothing is stubbed.
            Targets.send(kafka, "competitors", competitorId, Targets.competitorState(competitorId, UUID.randomUUID(),
                    WebMock.url(host, "/"), "shopify", "active", false));
            JsonPath failed = scan(kafka, competitorId, "\"error\":\"");
            assertEquals(0, failed.getInt("data.found"));
            assertEquals(0, failed.getInt("data.removed"));
            assertTrue(failed.getString("data.error").contains("HTTP 404"), failed.getString("data.error"));
        }
    }

    @Test
    void aStoreOnAnotherPlatformIsReadFromItsPages() {
        UUID competitorId = UUID.randomUUID();
        String host = competitorId.toString().substring(0, 8) + ".shop.test";
        String hostHeader = host + ":" + web.port();
        web.stubFor(get(urlEqualTo("/shop/")).withHeader("Host", equalTo(hostHeader)).willReturn(ok("""
                <html><body><h1>Kettles</h1>
                <ul class="products">
                  <li><a href="/product/glass-kettle">Glass Kettle</a></li>
                  <li><a href="/product/steel-kettle?utm_source=home#reviews">Steel Kettle</a></li>
                  <li><a href="/about-us">About</a></li>
                  <li><a href="https://elsewhere.example/product/x">Partner</a></li>
                </ul></body></html>""")));
        web.stubFor(get(urlEqualTo("/product/glass-kettle")).withHeader("Host", equalTo(hostHeader))
                .willReturn(ok(Pages.openGraphOnly("Glass Kettle", "34.50"))));
        web.stubFor(get(urlEqualTo("/product/steel-kettle?utm_source=home")).withHeader("Host", equalTo(hostHeader))
                .willReturn(ok(Pages.jsonLd("Steel Kettle", "49.00", "GBP", "InStock"))));
        try (KafkaCompanion kafka = Kafka.companion()) {
            Targets.send(kafka, "competitors", competitorId, Targets.competitorState(competitorId, UUID.randomUUID(),
                    WebMock.url(host, "/shop/"), "woocommerce", "active", false));
            JsonPath scanned = scan(kafka, competitorId, "\"found\":2");
            assertEquals(2, scanned.getInt("data.new"));
            assertNull(scanned.get("data.error"));
            String steelKey = "store:" + competitorId + ":" + WebMock.url(host, "/product/steel-kettle");
            JsonPath steel = rawEvent(kafka, steelKey, "product_snapshot");
            assertEquals(49.0f, steel.getFloat("data.raw_data.price"));
            assertEquals("json-ld", steel.getString("data.raw_data.field_sources.price"));
        }
    }
}
