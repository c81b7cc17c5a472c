package io.shelfwatch.competition.support;

import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** price.updates records as etl-service sends them, checked against the contract before they are sent. */
public final class PriceUpdates {

    private PriceUpdates() {
    }

    public static String record(String asin, String observedAt, String price, Integer bsr, String rating,
            Integer reviews, String buybox) {
        return """
                {"event_id":"%s","type":"price_update","occurred_at":"%s",
                 "data":{"product_key":"asin:%s","asin":"%s","url":"https://www.amazon.com/dp/%s","competitor_id":null,
                  "status":"active","snapshot":{"title":"Item %s","brand":"Brand","category":"Electronics",
                   "image_url":null,"price":%s,"currency":"USD","availability":"In Stock","bsr":%s,"rating":%s,
                   "reviews_count":%s,"buybox_price":%s,"sku":null,"observed_at":"%s"},"previous":null}}
                """.formatted(UUID.randomUUID(), observedAt, asin, asin, asin, asin, price, bsr, rating, reviews,
                buybox, observedAt);
    }

    public static void send(KafkaCompanion kafka, String asin, String value) {
        Contracts.assertConforms("price.updates", "price_update", value);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Kafka.topic("price.updates"), "asin:" + asin, value))
                .awaitCompletion();
    }
}
