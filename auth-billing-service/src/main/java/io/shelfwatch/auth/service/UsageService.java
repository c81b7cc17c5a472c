package io.shelfwatch.auth.service;

import java.time.ZoneOffset;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.UsageCount;
import io.shelfwatch.auth.messaging.UsageEvent;
import io.shelfwatch.auth.repository.UsageCountRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The usage read model: a user's latest reported count per metric. */
@ApplicationScoped
public class UsageService {

    private final UsageCountRepository repository;

    public UsageService(UsageCountRepository repository) {
        this.repository = repository;
    }

    /** Applies a count unless a newer one is already stored, so a redelivery or a late record changes nothing. */
    @WithTransaction
    public Uni<Void> record(UsageEvent event) {
        UsageEvent.Data data = event.data();
        return repository.findById(new UsageCount.Key(data.userId(), data.metric())).flatMap(existing -> {
            var observedAt = event.occurredAt().atOffset(ZoneOffset.UTC);
            if (existing != null && !existing.observedAt.isBefore(observedAt)) {
                return Uni.createFrom().voidItem();
            }
            UsageCount row = existing != null ? existing : new UsageCount();
            row.userId = data.userId();
            row.metric = data.metric();
            row.count = data.count();
            row.limitReached = data.limitReached();
            row.observedAt = observedAt;
            return repository.persist(row).replaceWithVoid();
        });
    }
}
