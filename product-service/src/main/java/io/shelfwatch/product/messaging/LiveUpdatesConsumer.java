package io.shelfwatch.product.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.product.service.LiveUpdateRouter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The records /ws/updates pushes. Both channels use a consumer group of this replica alone
 * (application.properties), so every replica sees every record and pushes it to the users
 * connected to it, whichever replica stored the change.
 */
@ApplicationScoped
public class LiveUpdatesConsumer {

    private final RecordParser parser;
    private final LiveUpdateRouter router;

    public LiveUpdatesConsumer(RecordParser parser, LiveUpdateRouter router) {
        this.parser = parser;
        this.router = router;
    }

    @Incoming("price-updates-live")
    public Uni<Void> priceUpdate(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return router.priceUpdate(parser.parse(record, PriceUpdateEvent.class));
    }

    @Incoming("alerts")
    public Uni<Void> alert(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return router.alert(parser.parse(record, AlertRaisedEvent.class));
    }
}
