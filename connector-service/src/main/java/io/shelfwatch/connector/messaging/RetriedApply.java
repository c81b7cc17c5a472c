package io.shelfwatch.connector.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.shelfwatch.connector.messaging.RecordParser.InvalidRecordException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How a consumer applies a record it could read: a failed apply (PostgreSQL restarting, a
 * deadlock, the pool closing while the service stops) is tried again for up to a minute before
 * the channel's DLQ, where the record would be skipped and its effect lost. A record that cannot
 * be read (RecordParser) fails before this, and one found unappliable while applied fails with the
 * same InvalidRecordException: both go to the DLQ at once. Trying again is safe: every
 * apply is idempotent (state records that carry the whole state). Each try
 * runs on the record's Vert.x context, as the first did: the database session lives there.
 */
final class RetriedApply {

    private static final Logger LOG = Logger.getLogger(RetriedApply.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(1);

    private RetriedApply() {
    }

    static <T> Uni<T> of(ConsumerRecord<?, ?> record, Supplier<Uni<? extends T>> apply) {
        Context context = Vertx.currentContext();
        Uni<T> once = Uni.createFrom().deferred(apply);
        return (context == null ? once : once.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run())))
                .onFailure(RetriedApply::worthRetrying).invoke(e -> LOG.warnf("record %s-%d@%d not applied, trying again: %s",
                        record.topic(), record.partition(), record.offset(), e.toString()))
                .onFailure(RetriedApply::worthRetrying).retry().withBackOff(FIRST_WAIT, LONGEST_WAIT)
                .expireIn(GIVE_UP_AFTER.toMillis());
    }

    /** Anything but a record found unappliable (another user's brand, say): that one goes to the DLQ at once. */
    private static boolean worthRetrying(Throwable failure) {
        return !(failure instanceof InvalidRecordException);
    }
}
