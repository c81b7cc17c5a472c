package io.shelfwatch.product.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How a consumer applies a record it could read: a failed apply (PostgreSQL restarting, a
 * deadlock, the pool closing while the service stops) is tried again for up to a minute before
 * the channel's DLQ, where the record would be skipped and its effect lost. A record that cannot
 * be read (RecordParser) fails before this and goes to the DLQ at once. Trying again is safe: every
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

    static <T> Uni<T> of(String what, Supplier<Uni<? extends T>> apply) {
        Context context = Vertx.currentContext();
        Uni<T> once = Uni.createFrom().deferred(apply);
        return (context == null ? once : once.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run())))
                .onFailure().invoke(e -> LOG.warnf("%s not applied, trying again: %s", what, e.toString()))
                .onFailure().retry().withBackOff(FIRST_WAIT, LONGEST_WAIT).expireIn(GIVE_UP_AFTER.toMillis());
    }
}
