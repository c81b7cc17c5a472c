package io.shelfwatch.product.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** `price.updates` records as etl-service writes them, checked against the contract before they are sent. */
public final class PriceUpdates {

    private PriceUpdates() {
    }

    public static String randomAsin() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder asin = new StringBuilder("B0");
        for (int i = 0; i < 8; i++) {
            asin.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return asin.toString();
    }

    public static String forAsin(UUID eventId, String asin, String title, BigDecimal price, Instant observedAt) {
        return record(eventId, "asin:" + asin, "\"" + asin + "\"", "\"https://www.amazon.com/dp/" + asin + "\"",
                "null", "active", title, price, observedAt);
    }

    /** An Amazon product of a marketplace other than the default one: `asin:{marketplace_id}:{ASIN}`. */
    public static String forMarketplace(UUID eventId, String marketplaceId, String asin, String title, BigDecimal price,
            Instant observedAt) {
        return record(eventId, "asin:" + marketplaceId + ":" + asin, "\"" + asin + "\"",
                "\"https://www.amazon.co.uk/dp/" + asin + "\"", "null", "active", title, price, observedAt);
    }

    public static String forStore(UUID eventId, UUID competitorId, String handle, String status, String title,
            BigDecimal price, Instant observedAt) {
        return record(eventId, "store:" + competitorId + ":" + handle, "null",
                "\"https://rival.example.com/products/" + handle + "\"", "\"" + competitorId + "\"", status, title,
                price, observedAt);
    }

    public static String forUrl(UUID eventId, String productKey, String url, BigDecimal price, Instant observedAt) {
        return record(eventId, productKey, "null", "\"" + url + "\"", "null", "active", "Page product", price,
                observedAt);
    }

    private static String record(UUID eventId, String productKey, String asin, String url, String competitorId,
            String status, String title, BigDecimal price, Instant observedAt) {
        String value = """
                {"event_id":"%s","type":"price_update","occurred_at":"%s",
                 "data":{"product_key":"%s","asin":%s,"url":%s,"competitor_id":%s,"status":"%s",
                  "snapshot":{"title":"%s","brand":"Sony","category":"Electronics","image_url":null,
                   "price":%s,"currency":"USD","availability":"In Stock","bsr":12,"rating":4.5,"reviews_count":100,
                   "buybox_price":%s,"sku":null,"observed_at":"%s"},
                  "previous":null}}
                """.formatted(eventId, observedAt, productKey, asin, url, competitorId, status, title,
                price == null ? "null" : price.toPlainString(), price == null ? "null" : price.toPlainString(),
                observedAt);
        Contracts.assertConforms("price.updates", "price_update", value);
        return value;
    }

    public static void send(KafkaCompanion kafka, String productKey, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(Kafka.topic("price.updates"), productKey, value))
                .awaitCompletion();
    }
}
