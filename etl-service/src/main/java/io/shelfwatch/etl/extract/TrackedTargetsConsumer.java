package io.shelfwatch.etl.extract;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.etl.messaging.RecordParser;
import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import io.shelfwatch.etl.messaging.RetriedApply;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What to fetch: the compacted `products` (product-service) and `competitors` (competition-service)
 * topics, read from the start. `deleted: true` or a tombstone removes the target; a record that
 * can never be read goes to the topic's `.dlq`. Applying a state twice changes nothing.
 */
@ApplicationScoped
public class TrackedTargetsConsumer {

    private final RecordParser parser;
    private final TrackedTargets targets;

    public TrackedTargetsConsumer(RecordParser parser, TrackedTargets targets) {
        this.parser = parser;
        this.targets = targets;
    }

    @Incoming("products-in")
    public Uni<Void> product(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return keyAsId(record).map(id -> RetriedApply.<Void>of(record, () -> targets.removeProduct(id)))
                    .orElse(Uni.createFrom().voidItem());
        }
        ProductStateEvent event = parser.parse(record, ProductStateEvent.class);
        return RetriedApply.of(record, () -> targets.applyProduct(event));
    }

    @Incoming("competitors-in")
    public Uni<Void> competitor(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return keyAsId(record).map(id -> RetriedApply.<Void>of(record, () -> targets.removeCompetitor(id)))
                    .orElse(Uni.createFrom().voidItem());
        }
        CompetitorStateEvent event = parser.parse(record, CompetitorStateEvent.class);
        return RetriedApply.of(record, () -> targets.applyCompetitor(event));
    }

    private static java.util.Optional<UUID> keyAsId(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(record.key()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("a tombstone whose key is not an id: " + record.key());
        }
    }
}
