package io.shelfwatch.product.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.product.PricePoint;
import io.shelfwatch.product.Product;
import io.shelfwatch.product.repository.PricePointRepository;
import io.shelfwatch.product.repository.ProductRepository;
import io.shelfwatch.product.support.Kafka;
import io.shelfwatch.product.support.PriceUpdates;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** price.updates records put on the real broker, as etl-service would, build the catalog and its history. */
@QuarkusTest
class PriceUpdatesConsumerTest {

    @Inject
    ProductRepository products;

    @Inject
    PricePointRepository history;

    @Inject
    Pool pool;

    private Product product(String key) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> products.findByKey(key));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PricePoint> historyOf(Product product) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> history.historyOf(List.of(product.id)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void updatesKeepTheLatestMetricsAndEveryPricePointOnce() {
        String asin = PriceUpdates.randomAsin();
        String key = "asin:" + asin;
        Instant day1 = Instant.parse("2026-02-10T10:00:00Z");
        String first = PriceUpdates.forAsin(UUID.randomUUID(), asin, "Headphones", new BigDecimal("59.99"), day1);
        String second = PriceUpdates.forAsin(UUID.randomUUID(), asin, "Headphones v2", new BigDecimal("49.99"),
                day1.plusSeconds(86400 * 2));
        // Arrives last but was observed in between: a history point, not the latest price.
        String late = PriceUpdates.forAsin(UUID.randomUUID(), asin, "Headphones", new BigDecimal("54.50"),
                day1.plusSeconds(86400));

        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, key, first);
            PriceUpdates.send(kafka, key, second);
            PriceUpdates.send(kafka, key, first); // redelivered: same event_id
            PriceUpdates.send(kafka, key, late);
            await().atMost(Duration.ofSeconds(30)).until(() -> product(key) != null && historyOf(product(key)).size() == 3);
        }
        Product stored = product(key);
        assertNotNull(stored.id);
        assertEquals(0, new BigDecimal("49.99").compareTo(stored.price));
        assertEquals("Headphones v2", stored.title);
        assertEquals(asin, stored.asin);
        assertEquals(day1, stored.firstSeen.toInstant());
        assertEquals(day1.plusSeconds(86400 * 2), stored.lastSeen.toInstant());
        List<String> prices = historyOf(stored).stream().map(p -> p.price.toPlainString()).toList();
        assertEquals(List.of("59.99", "54.50", "49.99"), prices);
    }

    @Test
    void aRecordThatCanNeverBeProcessedGoesToTheDeadLetterTopic() {
        String key = "asin:" + PriceUpdates.randomAsin();
        String poison = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"price_update\",\"data\":{}}";
        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, key, poison);
            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("price.updates.dlq"),
                    r -> key.equals(r.key()));
            assertEquals(poison, dead.value());
        }
    }

    @Test
    void aRecordTheDatabaseCanNeverStoreIsDeadLetteredAtOnceAndTheNextOneIsApplied() {
        String asin = PriceUpdates.randomAsin();
        String key = "asin:" + asin;
        Instant observed = Instant.parse("2026-02-10T10:00:00Z");
        // Beyond NUMERIC(14,2) (SQLState 22003). Made from a valid record by hand: this is the consumer's own
        // defence, whatever a producer lets through.
        String tooLarge = PriceUpdates.forAsin(UUID.randomUUID(), asin, "Huge", new BigDecimal("1.00"), observed)
                .replace("\"price\":1.00", "\"price\":99999999999999999.99");
        String normal = PriceUpdates.forAsin(UUID.randomUUID(), asin, "Normal", new BigDecimal("19.99"),
                observed.plusSeconds(10));
        try (KafkaCompanion kafka = Kafka.companion()) {
            // Same key, same partition: the second waits for the first.
            PriceUpdates.send(kafka, key, tooLarge);
            PriceUpdates.send(kafka, key, normal);
            // Well inside the minute a passing failure is tried again for.
            await().atMost(Duration.ofSeconds(30)).until(() -> product(key) != null && product(key).price != null);
            assertEquals(0, new BigDecimal("19.99").compareTo(product(key).price));
            assertEquals("Normal", product(key).title);
            assertEquals(List.of("19.99"), historyOf(product(key)).stream().map(p -> p.price.toPlainString()).toList());
            ConsumerRecord<String, String> dead = Kafka.awaitRecord(kafka, Kafka.topic("price.updates.dlq"),
                    r -> key.equals(r.key()));
            assertEquals(tooLarge, dead.value());
        }
    }

    @Test
    void anUpdateWhoseApplyFailsForAWhileIsAppliedOnceTheDatabaseIsBackNotDeadLettered() {
        String asin = PriceUpdates.randomAsin();
        String key = "asin:" + asin;
        String outage = "outage_" + asin.toLowerCase(java.util.Locale.ROOT);
        // PostgreSQL refuses this product's row three times (a deadlock each time), then takes it.
        sql("CREATE SEQUENCE " + outage,
                "CREATE FUNCTION " + outage + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF nextval('" + outage
                        + "') <= 3 THEN RAISE EXCEPTION 'simulated outage' USING ERRCODE = '40P01'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER " + outage + " BEFORE INSERT OR UPDATE ON products FOR EACH ROW WHEN (NEW.product_key = '"
                        + key + "') EXECUTE FUNCTION " + outage + "()");
        try (KafkaCompanion kafka = Kafka.companion()) {
            PriceUpdates.send(kafka, key, PriceUpdates.forAsin(UUID.randomUUID(), asin, "Kettle", new BigDecimal("24.90"),
                    Instant.parse("2026-02-10T10:00:00Z")));
            await().atMost(Duration.ofSeconds(30)).until(() -> product(key) != null);
            assertEquals(0, new BigDecimal("24.90").compareTo(product(key).price));
            assertEquals(1, historyOf(product(key)).size());
            assertTrue(sqlLong("SELECT last_value FROM " + outage) > 3, "the first three tries were refused");
            assertTrue(Kafka.recordsWithin(kafka, Kafka.topic("price.updates.dlq"), Duration.ofSeconds(3)).stream()
                    .noneMatch(r -> key.equals(r.key())), "nothing was dead-lettered");
        } finally {
            sql("DROP TRIGGER " + outage + " ON products", "DROP FUNCTION " + outage + "()", "DROP SEQUENCE " + outage);
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
}
