package io.shelfwatch.etl.analytics;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.shelfwatch.etl.messaging.AccountStateEvent;
import io.shelfwatch.etl.messaging.RecordParser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A deleted user leaves no brand analytics behind: on `deleted: true` or a tombstone on
 * account.events, the user's brands go, and with them every row loaded for them. Its own consumer
 * group, so the account copy (package messaging) stays untouched; a record that copy cannot read
 * is its to dead-letter, and is skipped here.
 */
@ApplicationScoped
public class DeletedAccountsConsumer {

    private static final Logger LOG = Logger.getLogger(DeletedAccountsConsumer.class);

    private final RecordParser parser;
    private final Pool pool;

    public DeletedAccountsConsumer(RecordParser parser, Pool pool) {
        this.parser = parser;
        this.pool = pool;
    }

    @Incoming("analytics-account-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        UUID deleted;
        try {
            deleted = record.value() == null
                    ? (record.key() == null ? null : UUID.fromString(record.key()))
                    : deletedUser(parser.parse(record, AccountStateEvent.class));
        } catch (RuntimeException e) {
            LOG.debugf("account.events record skipped by analytics: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (deleted == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM analytics_brand WHERE user_id = $1").execute(Tuple.of(deleted))
                .replaceWithVoid();
    }

    private static UUID deletedUser(AccountStateEvent event) {
        return Boolean.TRUE.equals(event.data().deleted()) ? event.data().userId() : null;
    }
}
