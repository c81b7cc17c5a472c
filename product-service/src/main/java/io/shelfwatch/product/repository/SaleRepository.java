package io.shelfwatch.product.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.product.Sale;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SaleRepository implements PanacheRepositoryBase<Sale, UUID> {

    /** Ongoing and upcoming sales, soonest first. */
    public Uni<List<Sale>> notEndedAt(OffsetDateTime now) {
        return list("endsAt > ?1", Sort.by("startsAt").and("id"), now);
    }
}
