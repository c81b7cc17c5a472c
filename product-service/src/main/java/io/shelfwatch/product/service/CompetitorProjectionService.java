package io.shelfwatch.product.service;

import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.product.Competitor;
import io.shelfwatch.product.messaging.CompetitorStateEvent;
import io.shelfwatch.product.repository.CompetitorRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The local copy of competitor stores: who owns one (tenancy) and its name (doc E's competitor_name). */
@ApplicationScoped
public class CompetitorProjectionService {

    private final CompetitorRepository competitors;
    private final TrackingService tracking;

    public CompetitorProjectionService(CompetitorRepository competitors, TrackingService tracking) {
        this.competitors = competitors;
        this.tracking = tracking;
    }

    public Uni<Competitor> find(UUID competitorId) {
        return competitors.findById(competitorId);
    }

    /** Applies a state unless a newer one is stored; a deleted store takes its products' tracking with it. */
    @WithTransaction
    public Uni<Void> apply(CompetitorStateEvent event) {
        CompetitorStateEvent.Data data = event.data();
        if (data.deleted()) {
            return removeRows(data.competitorId());
        }
        var stateAt = event.occurredAt().atOffset(ZoneOffset.UTC);
        return competitors.findById(data.competitorId()).flatMap(existing -> {
            if (existing != null && existing.stateAt.isAfter(stateAt)) {
                return Uni.createFrom().voidItem();
            }
            Competitor competitor = existing != null ? existing : new Competitor();
            competitor.id = data.competitorId();
            competitor.userId = data.userId();
            competitor.name = data.name();
            competitor.stateAt = stateAt;
            Uni<Void> stored = competitors.persist(competitor).replaceWithVoid();
            // A store's products may reach price.updates before the store reaches us: adopt them now.
            return existing != null ? stored
                    : stored.flatMap(done -> tracking.adoptStoreProducts(competitor.id, competitor.userId));
        });
    }

    @WithTransaction
    public Uni<Void> remove(UUID competitorId) {
        return removeRows(competitorId);
    }

    private Uni<Void> removeRows(UUID competitorId) {
        return tracking.endStoreTracking(competitorId)
                .flatMap(ended -> competitors.deleteById(competitorId)).replaceWithVoid();
    }
}
