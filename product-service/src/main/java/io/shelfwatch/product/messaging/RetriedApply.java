package io.shelfwatch.product.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.shelfwatch.product.messaging.RecordParser.InvalidRecordException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How a consumer applies a record it could read: a failed apply (PostgreSQL restarting, a
 * deadlock, the pool closing while the service stops) is tried again for up to a minute before
 * the channel's DLQ, where the record would be skipped and its effect lost. A record that cannot
 * be read (RecordParser) fails before this, and one found unappliable while applied fails with the
 * same InvalidRecordException: both go to the DLQ at once. So does a record whose values the
 * database refuses as data (SQLState class 22: a numeric field overflow, invalid text, a NUL in
 * text): no retry can store it, and retrying would hold up the record's whole channel for the
 * minute, long enough for the consumer to be thought stuck and its partitions handed out again at
 * the last committed offset, which brings the record back. Trying again is safe: every
 * apply is idempotent (processed event ids, state records that carry the whole state). Each try
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
                .onFailure(RetriedApply::isDataError).transform(e -> unappliable(record, e))
                .onFailure(RetriedApply::worthRetrying).invoke(e -> LOG.warnf("record %s-%d@%d not applied, trying again: %s",
                        record.topic(), record.partition(), record.offset(), e.toString()))
                .onFailure(RetriedApply::worthRetrying).retry().withBackOff(FIRST_WAIT, LONGEST_WAIT)
                .expireIn(GIVE_UP_AFTER.toMillis());
    }

    private static InvalidRecordException unappliable(ConsumerRecord<?, ?> record, Throwable failure) {
        String reason = "the database refuses its values: " + sqlFailure(failure).getMessage();
        LOG.errorf("record %s-%d@%d can never be applied, sending it to the DLQ: %s", record.topic(),
                record.partition(), record.offset(), reason);
        return new InvalidRecordException(reason);
    }

    /** SQLState class 22 ("data exception"): the values themselves are wrong for their columns. */
    private static boolean isDataError(Throwable failure) {
        SQLException sql = sqlFailure(failure);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    /** Hibernate Reactive reports PostgreSQL's error as a JDBC SQLException (with its SQLState) among the causes. */
    private static SQLException sqlFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Anything but a record found unappliable (another user's brand, say): that one goes to the DLQ at once. */
    private static boolean worthRetrying(Throwable failure) {
        return !(failure instanceof InvalidRecordException);
    }
}
