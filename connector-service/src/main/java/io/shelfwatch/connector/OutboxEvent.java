package io.shelfwatch.connector;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event written in the same transaction as the change it announces, and relayed to Kafka
 * afterwards, so a committed change is never left unannounced.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    /** The event's `event_id` (a fresh id for a tombstone, which has no envelope). */
    @Id
    public UUID id;

    /** Topic name without the deployment's prefix. */
    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    /** The whole record value (envelope JSON); null for a tombstone. */
    public String payload;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
