package io.shelfwatch.etl.pipeline;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class RawEventRepository implements PanacheRepositoryBase<RawEvent, UUID> {

    /** A job's events not yet applied (every job's when jobId is null), oldest first. */
    public Uni<List<RawEvent>> unprocessedOfJob(String jobId) {
        if (jobId == null) {
            return list("status <> ?1 order by occurredAt", RawEvent.PROCESSED);
        }
        return list("jobId = ?1 and status <> ?2 order by occurredAt", jobId, RawEvent.PROCESSED);
    }
}
