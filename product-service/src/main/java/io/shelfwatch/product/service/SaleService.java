package io.shelfwatch.product.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.product.Sale;
import io.shelfwatch.product.repository.SaleRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/** Doc C's sales: anyone signed in reads them, admins keep them. */
@ApplicationScoped
public class SaleService {

    public record SaleInput(String title, String store, String discountSummary, String category,
            OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    private final SaleRepository sales;

    public SaleService(SaleRepository sales) {
        this.sales = sales;
    }

    public Uni<List<Sale>> current() {
        return sales.notEndedAt(OffsetDateTime.now(ZoneOffset.UTC));
    }

    @WithTransaction
    public Uni<Sale> create(SaleInput input) {
        Sale sale = new Sale();
        sale.id = UUID.randomUUID();
        sale.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return sales.persist(apply(sale, input));
    }

    @WithTransaction
    public Uni<Sale> update(UUID id, SaleInput input) {
        return sales.findById(id).onItem().ifNull().failWith(() -> new NotFoundException("Sale not found"))
                .map(sale -> apply(sale, input));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return sales.deleteById(id).flatMap(deleted -> deleted ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new NotFoundException("Sale not found")));
    }

    private static Sale apply(Sale sale, SaleInput input) {
        sale.title = input.title();
        sale.store = input.store();
        sale.discountSummary = input.discountSummary();
        sale.category = input.category();
        sale.startsAt = input.startsAt();
        sale.endsAt = input.endsAt();
        sale.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return sale;
    }
}
