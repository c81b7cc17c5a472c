package io.shelfwatch.auth.repository;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.auth.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, String> {

    /** The user's subscription that grants a plan now, else the newest one, else null. */
    public Uni<Subscription> current(UUID userId) {
        return find("userId = ?1 order by case when status in ('active', 'trialing', 'past_due') then 0 else 1 end,"
                + " createdAt desc", userId).firstResult();
    }
}
