package io.shelfwatch.etl.pipeline;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class JobExecutionRepository implements PanacheRepositoryBase<JobExecution, UUID> {

    public Uni<List<JobExecution>> recent(int limit) {
        return findAll(Sort.descending("createdAt")).page(0, limit).list();
    }
}
