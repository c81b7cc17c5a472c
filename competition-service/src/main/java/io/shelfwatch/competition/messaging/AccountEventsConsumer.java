package io.shelfwatch.competition.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.shelfwatch.competition.service.AccountProjectionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the local copy of every account from `account.events`; a tombstone deletes like `deleted: true`. */
@ApplicationScoped
public class AccountEventsConsumer {

    private final RecordParser parser;
    private final AccountProjectionService accounts;

    public AccountEventsConsumer(RecordParser parser, AccountProjectionService accounts) {
        this.parser = parser;
        this.accounts = accounts;
    }

    @Incoming("account-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return record.key() == null ? Uni.createFrom().voidItem()
                    : RetriedApply.of(record, () -> accounts.remove(UUID.fromString(record.key())));
        }
        AccountStateEvent event = parser.parse(record, AccountStateEvent.class);
        return RetriedApply.of(record, () -> accounts.apply(event));
    }
}
