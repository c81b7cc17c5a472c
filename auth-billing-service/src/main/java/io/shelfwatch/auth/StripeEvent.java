package io.shelfwatch.auth;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Stripe event already handled, recorded in the same transaction as its effect. */
@Entity
@Table(name = "stripe_events")
public class StripeEvent extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String type;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
