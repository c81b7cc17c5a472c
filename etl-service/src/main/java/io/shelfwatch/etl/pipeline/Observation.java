package io.shelfwatch.etl.pipeline;

import java.util.UUID;

/**
 * One applied observation of a product: its state before (null on the first observation) and
 * after. Handed to {@link ObservationListener}s inside the transaction that applied it, with the
 * request id of the record that carried it (for the events it causes).
 */
public record Observation(
        UUID eventId,
        String productKey,
        String asin,
        UUID competitorId,
        String previousStatus,
        String status,
        Snapshot previous,
        Snapshot current,
        String requestId) {

    public boolean first() {
        return previous == null;
    }
}
