package io.shelfwatch.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.auth.StripeEvent;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class StripeEventRepository implements PanacheRepositoryBase<StripeEvent, String> {
}
