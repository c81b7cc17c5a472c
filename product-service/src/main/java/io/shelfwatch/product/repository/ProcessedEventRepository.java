package io.shelfwatch.product.repository;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The event_ids already applied: the consumers' idempotency keys. */
@ApplicationScoped
@WithSession
public class ProcessedEventRepository {

    /** Records the event; false when it was applied before (a redelivery). */
    public Uni<Boolean> markProcessed(UUID eventId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO processed_events (event_id, processed_at) VALUES (:id, now()) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
