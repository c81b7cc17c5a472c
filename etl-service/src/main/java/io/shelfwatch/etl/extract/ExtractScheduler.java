package io.shelfwatch.etl.extract;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks for due targets every tick (each at its fastest tracker's plan cadence, new ones at once).
 * Claims are exclusive across replicas, so each due target is fetched once.
 */
@ApplicationScoped
public class ExtractScheduler {

    private static final Logger LOG = Logger.getLogger(ExtractScheduler.class);

    private final ExtractionRuns runs;

    public ExtractScheduler(ExtractionRuns runs) {
        this.runs = runs;
    }

    @Scheduled(every = "${etl.extract.tick:15s}", delayed = "${etl.extract.tick:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return runs.runDue().onFailure().recoverWithItem(e -> {
            LOG.warnf("extraction turn failed: %s", e.toString());
            return null;
        });
    }
}
