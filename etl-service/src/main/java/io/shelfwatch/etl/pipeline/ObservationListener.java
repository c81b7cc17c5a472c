package io.shelfwatch.etl.pipeline;

import io.smallrye.mutiny.Uni;

/**
 * Reacts to an observation that changed a product (alerts), inside the pipeline's transaction:
 * its effects commit, or are retried, together with the observation's.
 */
public interface ObservationListener {

    Uni<Void> changed(Observation observation);
}
