package io.shelfwatch.product.repository;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.product.Competitor;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class CompetitorRepository implements PanacheRepositoryBase<Competitor, UUID> {
}
