package io.shelfwatch.auth;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's Stripe subscription, as its webhook events last described it. */
@Entity
@Table(name = "subscriptions")
public class Subscription extends PanacheEntityBase {

    /** Statuses in which the subscription's plan applies (past_due: Stripe is still retrying the payment). */
    public static final Set<String> ENTITLING = Set.of("active", "trialing", "past_due");

    /** Stripe's subscription id (`sub_…`). */
    @Id
    public String id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    /** The price's `lookup_key`: `pro` or `enterprise`. */
    @Column(nullable = false)
    public String plan;

    @Column(nullable = false)
    public String status;

    @Column(name = "current_period_end")
    public OffsetDateTime currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    public boolean cancelAtPeriodEnd;

    @Column(name = "trial_end")
    public OffsetDateTime trialEnd;

    /** `created` (epoch seconds) of the newest Stripe event applied; an older event changes nothing. */
    @Column(name = "last_event_at", nullable = false)
    public long lastEventAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean entitles() {
        return ENTITLING.contains(status);
    }
}
