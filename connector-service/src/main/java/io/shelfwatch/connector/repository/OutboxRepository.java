package io.shelfwatch.connector.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.connector.OutboxEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * Locks the oldest unsent events; rows another replica is relaying are skipped, so every
     * event is sent by one replica at a time, in the order it was written.
     */
    public Uni<List<OutboxEvent>> lockUnsent(int limit) {
        // Native SQL: Hibernate Reactive does not take lock-timeout hints, so SKIP LOCKED is spelled out.
        // The entity's columns by name: an unmapped column (seq) in the result breaks the entity mapping.
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT id, topic, record_key, payload, request_id, created_at, sent_at FROM outbox"
                        + " WHERE sent_at IS NULL ORDER BY seq"
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList());
    }
}
