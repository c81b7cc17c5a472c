package io.shelfwatch.etl.alerts;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.etl.messaging.RecordParser;
import io.shelfwatch.etl.messaging.RetriedApply;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A deleted competitor store takes its alert rules (and their history) with it: a record with
 * `deleted: true`, or the tombstone after it. Deleting twice changes nothing, so redelivery is harmless.
 * Reads `competitors` in its own consumer group, beside the extractor's copy of the same topic.
 */
@ApplicationScoped
public class CompetitorRulesConsumer {

    private final RecordParser parser;
    private final AlertRuleRepository rules;

    public CompetitorRulesConsumer(RecordParser parser, AlertRuleRepository rules) {
        this.parser = parser;
        this.rules = rules;
    }

    @Incoming("alert-rules-competitors")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return record.key() == null ? Uni.createFrom().voidItem()
                    : RetriedApply.of(record, () -> removeRulesOf(UUID.fromString(record.key())));
        }
        CompetitorStateRecord state = parser.parse(record, CompetitorStateRecord.class);
        return state.data().deleted() ? RetriedApply.of(record, () -> removeRulesOf(state.data().competitorId()))
                : Uni.createFrom().voidItem();
    }

    @WithTransaction
    Uni<Void> removeRulesOf(UUID competitorId) {
        return rules.deleteOfCompetitor(competitorId).replaceWithVoid();
    }
}
