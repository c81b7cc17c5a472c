package io.shelfwatch.etl.extract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.etl.support.Kafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** `products` and `competitors` records, put on the real broker as their owners would, fill the extractor's copies. */
@QuarkusTest
@QuarkusTestResource(WebMockResource.class)
class TrackedTargetsConsumerTest {

    @Inject
    Pool pool;

    private Integer trackers(UUID productId) {
        var rows = pool.preparedQuery("SELECT cardinality(trackers) FROM tracked_product WHERE product_id = $1")
                .execute(Tuple.of(productId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getInteger(0);
    }

    private String status(UUID competitorId) {
        var rows = pool.preparedQuery("SELECT status FROM tracked_competitor WHERE competitor_id = $1")
                .execute(Tuple.of(competitorId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }

    private static String storeProductKey(UUID competitorId) {
        return "store:" + competitorId + ":wool-socks";
    }

    @Test
    void aProductsTrackersAreKeptAndADeletedOrTombstonedProductLeaves() {
        UUID competitorId = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (KafkaCompanion kafka = Kafka.companion()) {
            // store products: fetched by their store's scan, never on their own, so no page is needed here
            Targets.send(kafka, "products", kept, Targets.productState(kept, storeProductKey(competitorId),
                    "https://northwind.example/products/wool-socks", null, competitorId, List.of(a, b), false));
            Targets.send(kafka, "products", deleted, Targets.productState(deleted, storeProductKey(competitorId) + "-2",
                    null, null, competitorId, List.of(a), false));
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(trackers(kept)) && trackers(deleted) != null);

            Targets.send(kafka, "products", kept, Targets.productState(kept, storeProductKey(competitorId),
                    "https://northwind.example/products/wool-socks", null, competitorId, List.of(b), false));
            Targets.send(kafka, "products", deleted, Targets.productState(deleted, storeProductKey(competitorId) + "-2",
                    null, null, competitorId, List.of(a), true));
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(trackers(kept)) && trackers(deleted) == null);

            Targets.send(kafka, "products", kept, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> trackers(kept) == null);
        }
    }

    @Test
    void aProductWhoseWriteFailsForAWhileIsKeptOnceTheDatabaseTakesItNotDeadLettered() {
        UUID productId = UUID.randomUUID();
        UUID competitorId = UUID.randomUUID();
        String outage = "outage_" + productId.toString().replace("-", "");
        // PostgreSQL refuses this product's row three times (a deadlock each time), then takes it.
        sql("CREATE SEQUENCE " + outage,
                "CREATE FUNCTION " + outage + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF nextval('" + outage
                        + "') <= 3 THEN RAISE EXCEPTION 'simulated outage' USING ERRCODE = '40P01'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER " + outage + " BEFORE INSERT OR UPDATE ON tracked_product FOR EACH ROW WHEN (NEW.product_id = '"
                        + productId + "') EXECUTE FUNCTION " + outage + "()");
        try (KafkaCompanion kafka = Kafka.companion()) {
            Targets.send(kafka, "products", productId, Targets.productState(productId, storeProductKey(competitorId),
                    "https://northwind.example/products/wool-socks", null, competitorId, List.of(UUID.randomUUID()), false));
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(trackers(productId)));
            assertTrue(sqlLong("SELECT last_value FROM " + outage) > 3, "the first three tries were refused");
            assertTrue(Kafka.recordsWithin(kafka, Kafka.topic("products.dlq"), Duration.ofSeconds(3)).stream()
                    .noneMatch(r -> productId.toString().equals(r.key())), "nothing was dead-lettered");
        } finally {
            sql("DROP TRIGGER " + outage + " ON tracked_product", "DROP FUNCTION " + outage + "()", "DROP SEQUENCE " + outage);
        }
    }

    private void sql(String... statements) {
        for (String statement : statements) {
            pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
        }
    }

    private long sqlLong(String query) {
        return pool.query(query).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void aCompetitorIsKeptWithItsStatusAndRemovedWhenDeleted() {
        UUID competitorId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        String url = "https://northwind.example/";
        try (KafkaCompanion kafka = Kafka.companion()) {
            // paused: kept, but not scanned
            Targets.send(kafka, "competitors", competitorId,
                    Targets.competitorState(competitorId, owner, url, "shopify", "paused", false));
            await().atMost(Duration.ofSeconds(30)).until(() -> "paused".equals(status(competitorId)));
            Row schedule = pool.preparedQuery("SELECT count(*) FROM extract_schedule WHERE target_id = $1")
                    .execute(Tuple.of(competitorId)).await().indefinitely().iterator().next();
            assertEquals(0L, schedule.getLong(0), "a paused store is not due");

            Targets.send(kafka, "competitors", competitorId,
                    Targets.competitorState(competitorId, owner, url, "shopify", "paused", true));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(competitorId) == null);
            Targets.send(kafka, "competitors", competitorId, null);

            UUID other = UUID.randomUUID();
            Targets.send(kafka, "competitors", other, Targets.competitorState(other, owner, url, "woocommerce", "paused", false));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(other) != null);
            Targets.send(kafka, "competitors", other, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(other) == null);
        }
    }

    @Test
    void recordsThatCanNeverBeReadGoToTheDeadLetterTopics() {
        UUID key = UUID.randomUUID();
        String poisonProduct = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"product_state\","
                + "\"occurred_at\":\"2026-02-12T10:00:00Z\",\"data\":{\"product_id\":\"" + key + "\",\"product_key\":\"nope\","
                + "\"trackers\":[],\"deleted\":false}}";
        String poisonCompetitor = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"competitor_state\",\"data\":{}}";
        try (KafkaCompanion kafka = Kafka.companion()) {
            Targets.send(kafka, "products", key, poisonProduct);
            Targets.send(kafka, "competitors", key, poisonCompetitor);
            ConsumerRecord<String, String> deadProduct = Kafka.awaitRecord(kafka, Kafka.topic("products.dlq"),
                    r -> key.toString().equals(r.key()));
            assertEquals(poisonProduct, deadProduct.value());
            String reason = new String(deadProduct.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("product_key"), reason);
            ConsumerRecord<String, String> deadCompetitor = Kafka.awaitRecord(kafka, Kafka.topic("competitors.dlq"),
                    r -> key.toString().equals(r.key()));
            assertEquals(poisonCompetitor, deadCompetitor.value());
        }
    }
}
