package io.shelfwatch.product.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.product.PricePoint;
import io.shelfwatch.product.Product;
import io.shelfwatch.product.messaging.PriceUpdateEvent;
import io.shelfwatch.product.repository.PricePointRepository;
import io.shelfwatch.product.repository.ProcessedEventRepository;
import io.shelfwatch.product.repository.ProductRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the catalog's latest metrics and price history from `price.updates`. */
@ApplicationScoped
public class CatalogService {

    private final ProductRepository products;
    private final PricePointRepository history;
    private final ProcessedEventRepository processed;
    private final TrackingService tracking;

    public CatalogService(ProductRepository products, PricePointRepository history,
            ProcessedEventRepository processed, TrackingService tracking) {
        this.products = products;
        this.history = history;
        this.processed = processed;
        this.tracking = tracking;
    }

    /**
     * Applies one observation; answers the updated product, or null for a record applied
     * before. An observation older than the stored one adds its history point but leaves
     * the latest metrics alone. A competitor store's product is tracked for the store's owner
     * in the same transaction (within the plan's limit).
     */
    @WithTransaction
    public Uni<Product> apply(PriceUpdateEvent event) {
        PriceUpdateEvent.Data data = event.data();
        return processed.markProcessed(event.eventId()).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().nullItem();
            }
            return products.ensure(data.productKey(), data.asin(), data.url(), data.competitorId())
                    .flatMap(product -> {
                        boolean firstObservation = product.observedAt == null;
                        return update(product, data).call(updated -> tracking.trackForStoreOwner(updated,
                                firstObservation));
                    });
        });
    }

    private Uni<Product> update(Product product, PriceUpdateEvent.Data data) {
        PriceUpdateEvent.Snapshot snapshot = data.snapshot();
        OffsetDateTime observedAt = snapshot.observedAt().atOffset(ZoneOffset.UTC);
        boolean latest = product.observedAt == null || !observedAt.isBefore(product.observedAt);
        if (latest) {
            product.asin = data.asin() != null ? data.asin() : product.asin;
            product.url = data.url() != null ? data.url() : product.url;
            product.competitorId = data.competitorId() != null ? data.competitorId() : product.competitorId;
            product.title = snapshot.title();
            product.brand = snapshot.brand();
            product.category = snapshot.category();
            product.imageUrl = snapshot.imageUrl();
            product.sku = snapshot.sku();
            product.price = snapshot.price();
            product.currency = snapshot.currency();
            product.availability = snapshot.availability();
            product.bsr = snapshot.bsr();
            product.rating = snapshot.rating();
            product.reviewsCount = snapshot.reviewsCount();
            product.buyboxPrice = snapshot.buyboxPrice();
            product.status = data.status();
            product.observedAt = observedAt;
        }
        if (product.firstSeen == null || observedAt.isBefore(product.firstSeen)) {
            product.firstSeen = observedAt;
        }
        if ("active".equals(data.status()) && (product.lastSeen == null || observedAt.isAfter(product.lastSeen))) {
            product.lastSeen = observedAt;
        }
        product.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (snapshot.price() == null) {
            return Uni.createFrom().item(product);
        }
        PricePoint point = new PricePoint();
        point.id = UUID.randomUUID();
        point.productId = product.id;
        point.price = snapshot.price();
        point.currency = snapshot.currency();
        point.availability = snapshot.availability();
        point.observedAt = observedAt;
        return history.persist(point).replaceWith(product);
    }
}
