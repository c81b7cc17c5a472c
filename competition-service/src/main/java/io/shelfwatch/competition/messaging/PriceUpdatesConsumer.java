package io.shelfwatch.competition.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.competition.service.GapService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Every product observation from etl-service updates the gaps of the pairs it is in. */
@ApplicationScoped
public class PriceUpdatesConsumer {

    private final RecordParser parser;
    private final GapService gaps;

    public PriceUpdatesConsumer(RecordParser parser, GapService gaps) {
        this.parser = parser;
        this.gaps = gaps;
    }

    @Incoming("price-updates")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        // Replays are harmless: a day keeps its latest observation, and the gaps are recomputed from it.
        PriceUpdateEvent.Data update = parser.parse(record, PriceUpdateEvent.class).data();
        return RetriedApply.of(record, () -> gaps.onPriceUpdate(update));
    }
}
