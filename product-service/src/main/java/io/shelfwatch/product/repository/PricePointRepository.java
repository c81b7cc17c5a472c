package io.shelfwatch.product.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.product.PricePoint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class PricePointRepository implements PanacheRepositoryBase<PricePoint, UUID> {

    /** The history of several products in one query, oldest first. */
    public Uni<List<PricePoint>> historyOf(Collection<UUID> productIds) {
        return productIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("productId in ?1", Sort.by("observedAt").and("id"), productIds);
    }
}
