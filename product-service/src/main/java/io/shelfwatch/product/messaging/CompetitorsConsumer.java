package io.shelfwatch.product.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.product.service.CompetitorProjectionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the local copy of competitor stores from `competitors`; a tombstone deletes like `deleted: true` (see RetriedApply). */
@ApplicationScoped
public class CompetitorsConsumer {

    private final RecordParser parser;
    private final CompetitorProjectionService competitors;

    public CompetitorsConsumer(RecordParser parser, CompetitorProjectionService competitors) {
        this.parser = parser;
        this.competitors = competitors;
    }

    @Incoming("competitors")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return record.key() == null ? Uni.createFrom().voidItem()
                    : RetriedApply.of(record, () -> competitors.remove(UUID.fromString(record.key())));
        }
        CompetitorStateEvent event = parser.parse(record, CompetitorStateEvent.class);
        return RetriedApply.of(record, () -> competitors.apply(event));
    }
}
