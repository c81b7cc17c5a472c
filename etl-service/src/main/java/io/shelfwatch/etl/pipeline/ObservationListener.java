package io.shelfwatch.etl.pipeline;

import java.util.List;

import io.shelfwatch.etl.messaging.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Reacts to the observations of one batch that changed a product (alerts), inside the batch's
 * transaction: its effects commit, or are retried, together with the observations'. The
 * observations come in the order they were applied (a product's chain in order); events to
 * publish go to `outbox`, written with the batch.
 */
public interface ObservationListener {

    Uni<Void> changed(SqlConnection conn, List<Observation> observations, OutboxRows outbox);
}
