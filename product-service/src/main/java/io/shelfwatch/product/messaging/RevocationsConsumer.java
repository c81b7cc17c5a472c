package io.shelfwatch.product.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.shelfwatch.product.service.LiveUpdates;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * account.revocations, for /ws/updates: a `tokens_revoked` record (password reset, deactivation,
 * deletion, role change) closes the user's connections opened with a token issued before it, on
 * every replica (a consumer group of this replica alone, as the live channels). Without it a deleted
 * or deactivated user kept receiving prices until the token expired. `api_key_revoked` is the
 * gateway's alone: the tokens it exchanges keys for live only minutes.
 */
@ApplicationScoped
public class RevocationsConsumer {

    private static final Logger LOG = Logger.getLogger(RevocationsConsumer.class);

    private final RecordParser parser;
    private final LiveUpdates live;

    public RevocationsConsumer(RecordParser parser, LiveUpdates live) {
        this.parser = parser;
        this.live = live;
    }

    @Incoming("account-revocations-live")
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null || !TokensRevokedEvent.TYPE.equals(parser.typeOf(record))) {
            return;
        }
        TokensRevokedEvent.Data revoked = parser.parse(record, TokensRevokedEvent.class).data();
        int closed = live.closeRevoked(revoked.userId(), revoked.revokedAt());
        if (closed > 0) {
            LOG.infof("closed %d /ws/updates connection(s) of user %s: tokens revoked (%s)", closed, revoked.userId(),
                    revoked.reason());
        }
    }
}
